using System;
using System.Collections.Generic;
using System.Linq;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Device
{
    /// <summary>A DeviceCore on the GoKit test board with a fake clock, transport, pins and sensor, all journalled.</summary>
    internal sealed class DeviceHarness
    {
        public const string Did = "did12345";
        public const string Passcode = "ABCDEFGHIJ";
        public const string App = "usrApp1";

        public DeviceHarness(Action<DeviceConfig>? configure = null, bool withSensor = true)
        {
            Transport = new FakeTransport(Journal);
            Pins = new FakePinDriver(Journal);
            Pins.SetInput(GoKit.ButtonPin, true); // released (pull-up, active-low)
            Config = new DeviceConfig { Did = Did, Passcode = Passcode, Product = GoKit.Product, Board = GoKit.Board() };
            configure?.Invoke(Config);
            Core = new DeviceCore(Config, Clock, Transport, Pins, withSensor ? Sensor : null!, null!);
        }

        public Journal Journal { get; } = new();
        public FakeClock Clock { get; } = new();
        public FakeTransport Transport { get; }
        public FakePinDriver Pins { get; }
        public FakeSensor Sensor { get; } = new();
        public DeviceConfig Config { get; }
        public DeviceCore Core { get; }

        /// <summary>Pin calls only, in order.</summary>
        public string[] PinHistory => Journal.Entries.Where(e => e.StartsWith("pin ", StringComparison.Ordinal)).ToArray();

        /// <summary>Starts, lets the first Tick begin the connect and reports it successful.</summary>
        public void StartAndConnect()
        {
            Core.Start();
            Assert.Equal(SessionAction.Connect, Core.Tick());
            Connected();
        }

        public void Connected()
        {
            Transport.Online = true;
            Core.OnConnected();
        }

        /// <summary>Moves the clock to <paramref name="ms"/>, ticking at every deadline on the way (as a host loop does).</summary>
        public void RunUntil(long ms, Action<SessionAction>? onAction = null)
        {
            while (Core.NextDeadlineMs <= ms)
            {
                Clock.NowMs = Math.Max(Clock.NowMs, Core.NextDeadlineMs);
                SessionAction action = Core.Tick();
                if (action != SessionAction.None) onAction?.Invoke(action);
            }

            Clock.NowMs = ms;
            SessionAction last = Core.Tick();
            if (last != SessionAction.None) onAction?.Invoke(last);
        }

        public DispatchOutcome Send(byte[] frame, string? topic = null, bool retained = false) =>
            Core.OnMessage(topic ?? $"app2dev/{Did}/{App}", frame, 0, frame.Length, retained);

        public static byte[] Frame(ushort command, byte[] p0, uint sn = 0)
        {
            var buffer = new byte[p0.Length + 32];
            FrameError error = command == GizwitsCommand.BusinessWithSn
                ? FrameWriter.WriteBusinessWithSn(buffer, 0, command, sn, p0, 0, p0.Length, out int length)
                : FrameWriter.WriteBusiness(buffer, 0, command, p0, 0, p0.Length, out length);
            Assert.Equal(FrameError.None, error);
            return buffer[..length];
        }

        public static byte[] SettingsFrame(int settings)
        {
            var buffer = new byte[16];
            Assert.Equal(FrameError.None, FrameWriter.WriteSettings(buffer, 0, settings, out int length));
            return buffer[..length];
        }

        /// <summary>A P0 write (action 0x01) of the given raw values.</summary>
        public static byte[] Write(params (string Point, long Raw)[] values)
        {
            var write = new DataPointValues(GoKit.Product);
            var flagged = new bool[GoKit.Product.Points.Length];
            foreach (var (point, raw) in values)
            {
                write.Set(GoKit.Id(point), raw);
                flagged[GoKit.Id(point)] = true;
            }

            var buffer = new byte[GoKit.Product.MaxMessageSize];
            Assert.Equal(P0Error.None, P0Writer.WriteWrite(write, flagged, buffer, 0, out int length));
            return buffer[..length];
        }

        /// <summary>The status reports (0x0091, action 0x04) broadcast on dev2app/&lt;DID&gt;, decoded.</summary>
        public List<DataPointValues> StatusBroadcasts()
        {
            var statuses = new List<DataPointValues>();
            foreach (var (topic, payload) in Transport.Published)
            {
                if (topic != $"dev2app/{Did}") continue;
                var reader = new FrameReader();
                Assert.Equal(FrameError.None, reader.Decode(payload, 0, payload.Length));
                if (reader.Command != GizwitsCommand.BusinessReply) continue;
                var message = new P0Message(GoKit.Product);
                Assert.Equal(P0Error.None, message.Decode(reader.Buffer, reader.BodyOffset, reader.BodyLength));
                Assert.Equal(P0Action.Report, message.Action);
                var copy = new DataPointValues(GoKit.Product);
                copy.CopyFrom(message.Values);
                statuses.Add(copy);
            }

            return statuses;
        }
    }
}
