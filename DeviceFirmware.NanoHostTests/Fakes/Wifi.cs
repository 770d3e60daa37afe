// Behavioural double of nanoFramework.System.Device.Wifi 1.5.147 (public surface = build/nano-check/stubs/System.Device.Wifi,
// checked by FakeSurfaceTests): one adapter that always joins.
namespace System.Device.Wifi
{
    public sealed class WifiAdapter : IDisposable
    {
        private WifiAdapter()
        {
        }

        public int NetworkInterface => 0;

        public WifiConnectionResult Connect(string ssid, WifiReconnectionKind reconnectionKind, string passwordCredential) => new WifiConnectionResult(WifiConnectionStatus.Success);

        public void Disconnect()
        {
        }

        public static WifiAdapter[] FindAllAdapters() => new[] { new WifiAdapter() };

        public void Dispose()
        {
        }
    }

    public class WifiConnectionResult
    {
        internal WifiConnectionResult(WifiConnectionStatus ConnectionStatus)
        {
            this.ConnectionStatus = ConnectionStatus;
        }

        public WifiConnectionStatus ConnectionStatus { get; }
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
