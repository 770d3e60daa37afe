using System;
using System.Device.Wifi;
using System.Threading;

namespace DeviceFirmware.Nano.Network
{
    /// <summary>
    /// Joins the Wi-Fi network before the MQTT session starts. The adapter reconnects by itself afterwards
    /// (<see cref="WifiReconnectionKind.Automatic"/>); a lost network shows up as a lost MQTT connection, which the
    /// session supervisor retries on its schedule. DHCP may still be finishing when this returns; a first MQTT attempt
    /// that fails for that reason is retried after the supervisor's first wait (10 s).
    /// </summary>
    public static class WifiConnector
    {
        /// <summary>Wait between two join attempts.</summary>
        public const int RetryMs = 10000;

        /// <summary>Tries to join <paramref name="ssid"/> until it works; returns the attempts it took. Blocks (start-up only).</summary>
        public static int Connect(string ssid, string password)
        {
            int attempts = 0;
            while (true)
            {
                attempts++;
                try
                {
                    WifiAdapter[] adapters = WifiAdapter.FindAllAdapters();
                    if (adapters.Length == 0) throw new InvalidOperationException("no Wi-Fi adapter");
                    WifiConnectionResult result = adapters[0].Connect(ssid, WifiReconnectionKind.Automatic, password);
                    if (result.ConnectionStatus == WifiConnectionStatus.Success) return attempts;
                    Console.WriteLine("Wi-Fi " + ssid + ": attempt " + attempts + " failed (status " + (int)result.ConnectionStatus + ")");
                }
                catch (Exception e)
                {
                    Console.WriteLine("Wi-Fi " + ssid + ": attempt " + attempts + " failed: " + e.Message);
                }

                Thread.Sleep(RetryMs);
            }
        }
    }
}
