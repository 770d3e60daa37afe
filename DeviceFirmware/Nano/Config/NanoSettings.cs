namespace DeviceFirmware.Nano.Config
{
    /// <summary>
    /// What the ESP32 needs besides the product and board tables: Wi-Fi credentials, the device identity (DID and
    /// passcode, as registered with the cloud) and the M2M broker. Values are compiled in from
    /// <see cref="DeviceSecrets"/> (edit that file before deploying; docs/esp32.md says how to keep it out of git).
    /// nanoFramework has no configuration system in the packages this build uses, and a compiled-in identity cannot
    /// be lost by a flash wipe of the data partition.
    /// </summary>
    public sealed class NanoSettings
    {
        /// <summary>The text <see cref="DeviceSecrets"/> ships with; a build that still carries it refuses to start.</summary>
        public const string Placeholder = "CHANGE-ME";

        /// <summary>Wi-Fi network name.</summary>
        public string WifiSsid { get; set; }

        /// <summary>Wi-Fi pass-phrase (WPA2-PSK).</summary>
        public string WifiPassword { get; set; }

        /// <summary>The device's DID (MQTT client id and user name).</summary>
        public string Did { get; set; }

        /// <summary>The device's passcode (MQTT password).</summary>
        public string Passcode { get; set; }

        /// <summary>M2M broker host name or IPv4 address.</summary>
        public string BrokerHost { get; set; }

        /// <summary>M2M broker TCP port (1883; TLS is not used on the ESP32 build).</summary>
        public int BrokerPort { get; set; } = 1883;

        /// <summary>
        /// MQTT 3.1.1 (<c>MQTT</c>, level 4) instead of the default MQTT 3.1 (<c>MQIsdp</c>, level 3), which Gizwits' own
        /// device agent speaks (gizwits/Gizwits-GAgent, gagent/cloud/src/mqttlib.c). Compiled in from <see cref="UseMqtt311"/>.
        /// </summary>
        public bool Mqtt311 { get; set; } = UseMqtt311;

        /// <summary>The compiled-in protocol choice: false = MQTT 3.1 (the default); set true for a broker that refuses 3.1.</summary>
        public const bool UseMqtt311 = false;

        /// <summary>I2C1 data pin (SDA) of the climate sensor; the board file's wiring text says GPIO21.</summary>
        public int I2cDataPin { get; set; } = 21;

        /// <summary>I2C1 clock pin (SCL) of the climate sensor; the board file's wiring text says GPIO22.</summary>
        public int I2cClockPin { get; set; } = 22;

        /// <summary>The settings compiled into this build.</summary>
        public static NanoSettings CompiledIn()
        {
            NanoSettings settings = new NanoSettings();
            settings.WifiSsid = DeviceSecrets.WifiSsid;
            settings.WifiPassword = DeviceSecrets.WifiPassword;
            settings.Did = DeviceSecrets.Did;
            settings.Passcode = DeviceSecrets.Passcode;
            settings.BrokerHost = DeviceSecrets.BrokerHost;
            settings.BrokerPort = DeviceSecrets.BrokerPort;
            return settings;
        }

        /// <summary>Null when usable; otherwise one line naming the field to fix (start-up only).</summary>
        public string Validate()
        {
            if (IsMissing(WifiSsid)) return "DeviceSecrets.WifiSsid: set the Wi-Fi network name";
            if (WifiPassword == null || WifiPassword == Placeholder) return "DeviceSecrets.WifiPassword: set the Wi-Fi pass-phrase (empty for an open network)";
            if (IsMissing(Did)) return "DeviceSecrets.Did: set the DID the cloud gave this device (gizctl or the GService registration)";
            if (IsMissing(Passcode)) return "DeviceSecrets.Passcode: set the device's passcode";
            if (IsMissing(BrokerHost)) return "DeviceSecrets.BrokerHost: set the M2M broker's host name or IP address";
            if (BrokerPort <= 0 || BrokerPort > 65535) return "DeviceSecrets.BrokerPort: must be 1..65535";
            return null;
        }

        private static bool IsMissing(string value) => value == null || value.Length == 0 || value == Placeholder;
    }
}
