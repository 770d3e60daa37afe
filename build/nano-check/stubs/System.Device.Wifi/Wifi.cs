// Stand-in: package nanoFramework.System.Device.Wifi 1.5.147 (assembly System.Device.Wifi), signatures only.
// Read at tag v1.5.147 of github.com/nanoframework/System.Device.Wifi (commit 282a90676d5b2b7fa583a4efeb47ec5cac77fa0e):
//   System.Device.Wifi/WifiAdapter.cs (NetworkInterface, Connect(string, WifiReconnectionKind, string), Disconnect,
//   FindAllAdapters, Dispose), WifiConnectionResult.cs (internal constructor, ConnectionStatus), WifiReconnectionKind.cs
//   and WifiConnectionStatus.cs (whole enums, in source order). Native version 100.0.6.6 (Properties/AssemblyInfo.cs).
namespace System.Device.Wifi
{
    public sealed class WifiAdapter : IDisposable
    {
        private WifiAdapter() => throw null;

        public int NetworkInterface { get => throw null; }

        public WifiConnectionResult Connect(string ssid, WifiReconnectionKind reconnectionKind, string passwordCredential) => throw null;

        public void Disconnect() => throw null;

        public static WifiAdapter[] FindAllAdapters() => throw null;

        public void Dispose() => throw null;
    }

    public class WifiConnectionResult
    {
        internal WifiConnectionResult(WifiConnectionStatus ConnectionStatus) => throw null;

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
