using System;
using System.Collections.Generic;
using System.Linq;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Device
{
    /// <summary>
    /// Hostile input through the whole device core (issue 8), on the fake pins and transport: whatever arrives, a refused
    /// message moves no pin, changes no state and is answered by nothing but a rate-limited Warning log on the
    /// broadcast topic; the device stays responsive.
    /// </summary>
    public class HardeningTests
    {
        private const string Broadcast = "dev2app/" + DeviceHarness.Did;
        private const string Reply = "dev2app/" + DeviceHarness.Did + "/" + DeviceHarness.App;
        private static readonly byte[] RelayOn = DeviceHarness.Write(("Relay", 1));

        private readonly DeviceHarness device = new();

        public HardeningTests()
        {
            device.StartAndConnect();
            device.Transport.Published.Clear();
        }

        [Fact]
        public void A_frame_for_another_did_moves_no_pin_and_is_not_answered()
        {
            AssertRefused(DispatchOutcome.OtherDid, () => device.Send(DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, RelayOn, 1), "app2dev/otherdid9/usrApp1"));
        }

        [Fact]
        public void A_retained_command_moves_no_pin_and_is_not_answered()
        {
            AssertRefused(DispatchOutcome.Retained, () => device.Send(DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, RelayOn, 1), retained: true));
        }

        [Fact]
        public void A_body_over_65535_bytes_is_a_malformed_frame_even_when_its_low_16_bits_spell_a_valid_read()
        {
            // 65536 + 1 body bytes: a decoder that kept the length in 16 bits would see a one-byte body, the P0 read 0x02.
            var body = new byte[65537];
            body[0] = 0x02;
            AssertRefused(DispatchOutcome.MalformedFrame, () => device.Send(RawFrame(GizwitsCommand.Business, body)));
            Assert.Equal(FrameError.FieldOverLimit, device.Core.Dispatcher.LastFrameError);
        }

        [Fact]
        public void A_variable_length_of_five_bytes_is_a_malformed_frame()
        {
            byte[] frame = { 0, 0, 0, 3, 0x80, 0x80, 0x80, 0x80, 0x01, 0x00, 0x00, 0x90, 0x02 };
            AssertRefused(DispatchOutcome.MalformedFrame, () => device.Send(frame));
            Assert.Equal(FrameError.VarLenTooLong, device.Core.Dispatcher.LastFrameError);
        }

        [Fact]
        public void A_varlen_that_says_more_than_follows_is_a_malformed_frame()
        {
            byte[] frame = { 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x90, 0x02 };
            AssertRefused(DispatchOutcome.MalformedFrame, () => device.Send(frame));
            Assert.Equal(FrameError.VarLenMismatch, device.Core.Dispatcher.LastFrameError);
        }

        [Fact]
        public void Settings_with_reserved_bits_are_applied_without_them_with_a_warning_and_confirmed()
        {
            // 0xFFFA: reserved bits 3-15 all set, log level 2 (Warning), indicator LED bit clear.
            Assert.Equal(DispatchOutcome.Handled, device.Send(DeviceHarness.SettingsFrame(0xFFFA)));

            Assert.Equal(0x0002, device.Core.Settings.Value);
            Assert.Equal(LogLevel.Warning, device.Core.Settings.LogLevel);
            Assert.False(device.Core.Settings.IndicatorLedEnabled);
            Assert.False(device.Pins.Levels[GoKit.LedPin]); // dark at once
            List<FrameReader> replies = Decoded(Reply);
            Assert.Single(replies);
            Assert.Equal(GizwitsCommand.SettingsAck, replies[0].Command);
            FrameReader warning = Assert.Single(Decoded(Broadcast));
            Assert.Equal(GizwitsCommand.Log, warning.Command);
            Assert.Equal((byte)LogLevel.Warning, warning.LogLevel);
            Assert.Contains("reserved", Text(warning, warning.ContentOffset, warning.ContentLength), StringComparison.Ordinal);
        }

        [Fact]
        public void A_flood_of_10000_invalid_frames_is_logged_within_the_rate_limit_and_a_valid_command_right_after_is_answered()
        {
            string[] pins = device.PinHistory;
            var random = new Random(8);
            for (int i = 0; i < 10000; i++)
            {
                byte[] junk = new byte[random.Next(0, 40)];
                random.NextBytes(junk);
                if (i % 2 == 0 && junk.Length >= 4) junk[0] = junk[1] = junk[2] = 0; // half of them look like a frame
                Assert.NotEqual(DispatchOutcome.Handled, device.Send(junk));
            }

            int logs = Decoded(Broadcast).Count(f => f.Command == GizwitsCommand.Log);
            Assert.InRange(logs, 1, device.Config.LogBurst);
            Assert.Equal(10000 - logs, device.Core.Log.Dropped);
            Assert.Empty(Decoded(Reply));
            Assert.Equal(pins, device.PinHistory);

            device.Transport.Published.Clear();
            Assert.Equal(DispatchOutcome.Handled, device.Send(DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, RelayOn, 0xC0FFEE)));
            FrameReader answer = Assert.Single(Decoded(Reply));
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, answer.Command);
            Assert.Equal(0xC0FFEEu, answer.Sn);
            Assert.True(device.Pins.Levels[GoKit.RelayPin]);
        }

        [Theory]
        [InlineData("usrApp+1", DispatchOutcome.BadAppClientId)]
        [InlineData("usr+", DispatchOutcome.BadAppClientId)]
        [InlineData("usrApp#", DispatchOutcome.BadAppClientId)]
        [InlineData("#", DispatchOutcome.BadAppClientId)]
        [InlineData("usrApp/usrApp1", DispatchOutcome.BadTopic)]
        [InlineData("usr\0App1", DispatchOutcome.BadAppClientId)]
        [InlineData("usrApp1\0", DispatchOutcome.BadAppClientId)]
        [InlineData("usr012345678901234567890", DispatchOutcome.BadAppClientId)] // 24 characters
        [InlineData("", DispatchOutcome.BadTopic)]
        public void An_invalid_app_client_id_is_refused_moves_no_pin_and_is_not_answered(string appClientId, DispatchOutcome expected)
        {
            Assert.Equal(24, "usr012345678901234567890".Length);
            AssertRefused(expected, () => device.Send(DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, RelayOn, 5), $"app2dev/{DeviceHarness.Did}/{appClientId}"));
        }

        [Fact]
        public void The_longest_valid_app_client_id_is_still_answered()
        {
            string app = "usr01234567890123456789"; // 23
            Assert.Equal(DispatchOutcome.Handled, device.Send(DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, RelayOn, 5), $"app2dev/{DeviceHarness.Did}/{app}"));
            Assert.Contains(device.Transport.Published, p => p.Topic == $"dev2app/{DeviceHarness.Did}/{app}");
        }

        /// <summary>The message is refused as <paramref name="expected"/>: no pin call, no state change, nothing but Warning logs on the broadcast topic.</summary>
        private void AssertRefused(DispatchOutcome expected, Func<DispatchOutcome> send)
        {
            string[] pins = device.PinHistory;
            int calls = device.Pins.Calls;
            long relay = device.Core.State.Get(GoKit.Id("Relay"));
            int settings = device.Core.Settings.Value;

            Assert.Equal(expected, send());

            Assert.Equal(calls, device.Pins.Calls);
            Assert.Equal(pins, device.PinHistory);
            Assert.Equal(relay, device.Core.State.Get(GoKit.Id("Relay")));
            Assert.Equal(settings, device.Core.Settings.Value);
            Assert.All(device.Transport.Published, p => Assert.Equal(Broadcast, p.Topic));
            FrameReader log = Assert.Single(Decoded(Broadcast));
            Assert.Equal(GizwitsCommand.Log, log.Command);
            Assert.Equal((byte)LogLevel.Warning, log.LogLevel);
        }

        private List<FrameReader> Decoded(string topic)
        {
            var frames = new List<FrameReader>();
            foreach ((string t, byte[] payload) in device.Transport.Published.Where(p => p.Topic == topic))
            {
                var reader = new FrameReader();
                Assert.Equal(FrameError.None, reader.Decode(payload, 0, payload.Length));
                frames.Add(reader);
            }

            return frames;
        }

        private static string Text(FrameReader reader, int offset, int length) => DeviceFirmware.Protocol.Text.Utf8.GetString(reader.Buffer, offset, length);

        /// <summary>A frame built by hand (the writers refuse a body over 65535): header, MQTT varlen, flags 0, command, body.</summary>
        private static byte[] RawFrame(ushort command, byte[] body)
        {
            var bytes = new List<byte> { 0, 0, 0, 3 };
            int remaining = 3 + body.Length;
            do
            {
                int digit = remaining % 128;
                remaining /= 128;
                bytes.Add((byte)(remaining > 0 ? digit | 0x80 : digit));
            }
            while (remaining > 0);
            bytes.Add(0);
            bytes.Add((byte)(command >> 8));
            bytes.Add((byte)command);
            bytes.AddRange(body);
            return bytes.ToArray();
        }
    }
}
