// Stand-in: package nanoFramework.System.Device.Wifi 1.5.133 (assembly System.Device.Wifi), signatures only.
// Copied from github.com/nanoframework/System.Device.Wifi:
//   System.Device.Wifi/WifiAdapter.cs @ ce16ea4ad26e285444bb4858c705ba47b824e0e8 (FindAllAdapters, Connect(string, ...), Disconnect, Dispose),
//   System.Device.Wifi/WifiConnectionResult.cs and WifiReconnectionKind.cs @ dc9aa1db40235786c74a1c17f3643f29fb4a3588,
//   System.Device.Wifi/WifiConnectionStatus.cs @ fdb9461b91f9d4ae401b594729ba6468f7354c0f.
namespace System.Device.Wifi
{
    public sealed class WifiAdapter : IDisposable
    {
        private WifiAdapter() { }

        public int NetworkInterface { get => throw null; }

        public WifiConnectionResult Connect(string ssid, WifiReconnectionKind reconnectionKind, string passwordCredential) => throw null;

        public void Disconnect() => throw null;

        public static WifiAdapter[] FindAllAdapters() => throw null;

        public void Dispose() => throw null;
    }

    public class WifiConnectionResult
    {
        private WifiConnectionResult() { }

        public WifiConnectionStatus ConnectionStatus { get => throw null; }
    }

    public enum WifiReconnectionKind
    {
        Automatic,
        Manual
    }

    public enum WifiConnectionStatus
    {
        AccessRevoked,
        InvalidCredential,
        NetworkNotAvailable,
        Success,
        Timeout,
        UnspecifiedFailure,
        UnsupportedAuthenticationProtocol
    }
}
