namespace DeviceFirmware.Nano.Config
{
    /// <summary>
    /// The values compiled into the ESP32 build. Replace every <c>CHANGE-ME</c> before deploying; the firmware refuses
    /// to start (and says which field, on the debug output) while one is left. Keep real values out of git:
    /// <c>git update-index --skip-worktree DeviceFirmware/Nano/Config/DeviceSecrets.cs</c>.
    /// </summary>
    public static class DeviceSecrets
    {
        /// <summary>Wi-Fi network name.</summary>
        public const string WifiSsid = NanoSettings.Placeholder;

        /// <summary>Wi-Fi pass-phrase.</summary>
        public const string WifiPassword = NanoSettings.Placeholder;

        /// <summary>DID, as registered (e.g. with <c>gizctl</c> against the mock cloud, or by the Pi build's self-registration).</summary>
        public const string Did = NanoSettings.Placeholder;

        /// <summary>Passcode that goes with the DID.</summary>
        public const string Passcode = NanoSettings.Placeholder;

        /// <summary>M2M broker host (the mock cloud's machine on the LAN, or the provisioned host).</summary>
        public const string BrokerHost = NanoSettings.Placeholder;

        /// <summary>M2M broker port.</summary>
        public const int BrokerPort = 1883;
    }
}
