using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Device
{
    /// <summary>Everything a <see cref="DeviceCore"/> is built from, besides the clock and the drivers.</summary>
    public sealed class DeviceConfig
    {
        /// <summary>The device's DID (MQTT client id and user name).</summary>
        public string Did { get; set; }

        /// <summary>The device's passcode (MQTT password).</summary>
        public string Passcode { get; set; }

        /// <summary>The product: its data points.</summary>
        public Product Product { get; set; }

        /// <summary>The board: which point is wired to which pin. Null = a board with nothing wired.</summary>
        public BoardMap Board { get; set; }

        /// <summary>Heartbeat and reconnect rules (defaults are the protocol's).</summary>
        public SessionSettings Session { get; set; } = new SessionSettings();

        /// <summary>Sizes of the dispatcher's tables.</summary>
        public DispatcherOptions Dispatch { get; set; } = new DispatcherOptions();

        /// <summary>Longest 0x0012 log content in bytes; the log frame buffer is preallocated for it (default 256).</summary>
        public int LogMaxContentBytes { get; set; } = 256;

        /// <summary>Logs that may be sent in a burst (default 5).</summary>
        public int LogBurst { get; set; } = 5;

        /// <summary>One more log may be sent every this many ms once the burst is spent (default 1000).</summary>
        public int LogRefillMs { get; set; } = 1000;

        /// <summary>The log threshold until an App changes it with 0x0010 (default Warning, as the protocol decision says).</summary>
        public LogLevel InitialLogLevel { get; set; } = LogLevel.Warning;

        /// <summary>Where the core tells its host what it decided (connect failures, lost sessions, refused messages); null = nobody.</summary>
        public ICoreReports Reports { get; set; }
    }
}
