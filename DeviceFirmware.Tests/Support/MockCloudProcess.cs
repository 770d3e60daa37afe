using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DeviceFirmware.Tests.Support
{
    /// <summary><c>gizctl cloud serve</c> as a real process on free ports, with the addresses it printed when ready.</summary>
    internal sealed class MockCloudProcess : IDisposable
    {
        private MockCloudProcess(ChildProcess process, Uri gservice, int mqttPort, int mqttsPort)
        {
            Process = process;
            GService = gservice;
            MqttPort = mqttPort;
            MqttsPort = mqttsPort;
        }

        public ChildProcess Process { get; }

        public Uri GService { get; }

        public int MqttPort { get; }

        public int MqttsPort { get; }

        /// <summary>The web console's URL from the ready line (<c>http://HOST:PORT/console</c>).</summary>
        public Uri? Console { get; private set; }

        public static MockCloudProcess Start(string database, params string[] extra) => Start(database, 0, 0, extra);

        /// <summary>Starts on the given HTTP and MQTT ports (0 = free ones), e.g. to come back where a stopped cloud was.</summary>
        public static MockCloudProcess Start(string database, int httpPort, int mqttPort, params string[] extra) => Start(database, "127.0.0.1", httpPort, mqttPort, extra);

        /// <summary>Starts listening on <paramref name="host"/> (e.g. a veth address of a network-namespace test) instead of 127.0.0.1.</summary>
        public static MockCloudProcess Start(string database, string host, int httpPort, int mqttPort, params string[] extra)
        {
            string[] args =
            {
                RepoPaths.GizctlDll, "cloud", "serve", "--http", $"{host}:{httpPort}", "--mqtt", $"{host}:{mqttPort}", "--mqtts", $"{host}:0", "--db", database,
            };
            ChildProcess process = ChildProcess.Start("mock-cloud", "dotnet", args.Concat(extra));
            try
            {
                string ready = process.WaitForLine(l => l.StartsWith("mock cloud ready:", StringComparison.Ordinal), 30);
                Match m = Regex.Match(ready, @"gservice=(\S+) mqtt=\S+:(\d+) mqtts=\S+:(\d+)");
                if (!m.Success) throw new Xunit.Sdk.XunitException("unexpected ready line: " + ready);
                var cloud = new MockCloudProcess(process, new Uri(m.Groups[1].Value), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
                Match console = Regex.Match(ready, @" console=(\S+)");
                if (console.Success) cloud.Console = new Uri(console.Groups[1].Value);
                return cloud;
            }
            catch
            {
                process.Dispose();
                throw;
            }
        }

        public void Dispose() => Process.Dispose();
    }
}
