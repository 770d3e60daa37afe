using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    /// <summary>
    /// What the firmware process really sends: the CONNECT bytes read on a raw socket, not our own setting. Gizwits' GAgent
    /// connects with MQTT 3.1 (protocol name MQIsdp, level 3, keep-alive 120 s), so that is the default.
    /// </summary>
    public class MqttVersionOnTheWireTests : IDisposable
    {
        private const string Did = "devWire0001";
        private readonly string folder = Directory.CreateTempSubdirectory("fw-wire-").FullName;

        public void Dispose() => Directory.Delete(folder, true);

        private RawConnect FirstConnect(params string[] extra)
        {
            using var broker = new RawMqttBrokerHolder();
            var args = new List<string>
            {
                RepoPaths.FirmwareDll, "--board", "simulated", "--product", RepoPaths.Product("gokit"), "--did", Did, "--passcode", "PASSCODEAB",
                "--m2m", $"127.0.0.1:{broker.Broker.Port}", "--state-file", Path.Combine(folder, "state.json"),
            };
            args.AddRange(extra);
            using ChildProcess firmware = ChildProcess.Start("firmware", "dotnet", args);
            try
            {
                return broker.Broker.WaitForConnects(1)[0];
            }
            catch (Xunit.Sdk.XunitException e)
            {
                throw new Xunit.Sdk.XunitException(e.Message + "\n" + firmware.Tail());
            }
        }

        [Fact]
        public void By_default_the_firmware_connects_with_MQIsdp_level_3_keep_alive_120()
        {
            RawConnect connect = FirstConnect();
            Assert.Equal("MQIsdp", connect.ProtocolName);
            Assert.Equal(3, connect.ProtocolLevel);
            Assert.Equal(120, connect.KeepAliveSeconds);
            Assert.Equal(Did, connect.ClientId);

            // The variable header byte for byte: 00 06 'M' 'Q' 'I' 's' 'd' 'p' 03, then the flags (user name, password, clean session).
            int at = Array.IndexOf(connect.Packet, (byte)0x00, 1);
            Assert.Equal(new byte[] { 0x00, 0x06, (byte)'M', (byte)'Q', (byte)'I', (byte)'s', (byte)'d', (byte)'p', 0x03, 0xC2 }, connect.Packet.Skip(at).Take(10).ToArray());
        }

        [Fact]
        public void With_mqtt_version_3_1_1_the_firmware_connects_with_MQTT_level_4()
        {
            RawConnect connect = FirstConnect("--mqtt-version", "3.1.1");
            Assert.Equal("MQTT", connect.ProtocolName);
            Assert.Equal(4, connect.ProtocolLevel);
        }

        private sealed class RawMqttBrokerHolder : IDisposable
        {
            public RawMqttBroker Broker { get; } = new();

            public void Dispose() => Broker.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
