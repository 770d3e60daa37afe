using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using DeviceFirmware.Tests.Support;

namespace DeviceFirmware.Tests.Interop
{
    /// <summary>Debian's mosquitto on 127.0.0.1 and a free port, anonymous, no persistence: a broker that is not ours.</summary>
    internal sealed class Mosquitto : IDisposable
    {
        private readonly ChildProcess process;
        private readonly string folder;

        private Mosquitto(ChildProcess process, string folder, int port)
        {
            this.process = process;
            this.folder = folder;
            Port = port;
        }

        public int Port { get; }

        public static bool IsInstalled => File.Exists("/usr/sbin/mosquitto") && File.Exists("/usr/bin/mosquitto_sub") && File.Exists("/usr/bin/mosquitto_pub");

        public static Mosquitto Start()
        {
            string folder = Directory.CreateTempSubdirectory("mosquitto-").FullName;
            int port = FreePort.Next();
            string config = Path.Combine(folder, "mosquitto.conf");
            File.WriteAllText(config, $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stdout\n");
            ChildProcess process = ChildProcess.Start("mosquitto", "/usr/sbin/mosquitto", new[] { "-c", config });
            var broker = new Mosquitto(process, folder, port);
            DateTime give = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                try
                {
                    using var probe = new TcpClient("127.0.0.1", port);
                    return broker;
                }
                catch (SocketException) when (DateTime.UtcNow < give)
                {
                    Thread.Sleep(50);
                }
                catch (SocketException)
                {
                    broker.Dispose();
                    throw new Xunit.Sdk.XunitException("mosquitto did not listen within 10 s:\n" + process.Tail());
                }
            }
        }

        public void Dispose()
        {
            process.Dispose();
            Directory.Delete(folder, true);
        }
    }
}
