using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Interop
{
    /// <summary>
    /// mosquitto_pub and mosquitto_sub as the App: no code of ours on the App side. <see cref="Credentials"/> are
    /// passed to every call (empty for an anonymous broker; <c>-i usr… -u 2$appid$uid -P token</c> for M2M).
    /// </summary>
    internal sealed class MosquittoApp
    {
        private readonly int port;
        private readonly string[] credentials;

        public MosquittoApp(int port, params string[] credentials)
        {
            this.port = port;
            this.credentials = credentials;
        }

        public IReadOnlyList<string> Credentials => credentials;

        /// <summary>mosquitto_pub/sub's <c>-V</c>: <c>mqttv31</c> (MQIsdp/3, as the real cloud's agents) or <c>mqttv311</c>.</summary>
        public string ProtocolVersion { get; init; } = "mqttv311";

        /// <summary>Starts mosquitto_sub on <paramref name="filter"/>, printing "topic hex" lines, and waits until a probe published on <paramref name="probeTopic"/> comes back.</summary>
        public ChildProcess Subscribe(string filter, string probeTopic) =>
            Subscribe(filter, () => Publish(probeTopic, new byte[] { 0xAB }), l => l.StartsWith(probeTopic + " ", StringComparison.Ordinal));

        /// <summary>
        /// Starts mosquitto_sub on <paramref name="filter"/> and repeats <paramref name="probe"/> until a line matching
        /// <paramref name="answered"/> arrives. mosquitto_sub cannot say when its SUBSCRIBE was granted; an App may not
        /// publish on dev2app, so its probe is a request the device answers.
        /// </summary>
        public ChildProcess Subscribe(string filter, Action probe, Func<string, bool> answered)
        {
            ChildProcess subscriber = ChildProcess.Start("mosquitto_sub", "/usr/bin/mosquitto_sub", Args("-t", filter, "-F", "%t %x"));
            for (int attempt = 0; ; attempt++)
            {
                probe();
                try
                {
                    subscriber.WaitForLine(answered, 1);
                    return subscriber;
                }
                catch (Xunit.Sdk.XunitException) when (attempt < 30)
                {
                    // not subscribed yet
                }
            }
        }

        /// <summary>Publishes <paramref name="payload"/> (binary, from a file) and requires mosquitto_pub to succeed.</summary>
        public void Publish(string topic, byte[] payload)
        {
            string file = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(file, payload);
                using ChildProcess pub = ChildProcess.Start("mosquitto_pub", "/usr/bin/mosquitto_pub", Args("-t", topic, "-f", file));
                Assert.True(pub.WaitForExit(10), "mosquitto_pub did not finish");
                Assert.True(pub.ExitCode == 0, "mosquitto_pub failed: " + pub.Tail());
            }
            finally
            {
                File.Delete(file);
            }
        }

        /// <summary>Decodes the hex of a "topic hex" line as a frame (the frame must be valid).</summary>
        public static FrameReader Frame(string line)
        {
            byte[] bytes = Convert.FromHexString(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(bytes, 0, bytes.Length));
            return reader;
        }

        private string[] Args(params string[] more) =>
            new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-V", ProtocolVersion }.Concat(credentials).Concat(more).ToArray();
    }
}
