using System;
using System.Collections.Generic;
using System.IO;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Fuzz.Device;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Iot.Simulation;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;

namespace DeviceFirmware.Fuzz.Harnesses;

/// <summary>
/// The whole device core: a fresh <see cref="DeviceCore"/> for the GoKit product on the shipped simulated board map
/// (hardware/boards/simulated.json), started and connected, receives the messages of one input
/// (<see cref="DispatchInput"/>). The pins are the shared FakePinDriver (it counts every pin call and throws on a duty
/// cycle outside 0..1), forwarding to a <see cref="SimulatedBoard"/> with <c>simulatedBoard</c>; without, it stops
/// there (ten times faster, for AFL). Invariants per message: nothing throws; a message the core refuses (any <see cref="DispatchOutcome"/> but Handled and Repeated) moved no pin, changed no data point and no
/// setting, and published nothing but Warning logs on <c>dev2app/&lt;DID&gt;</c>, at most two (its refusal, preceded
/// by the "n log(s) dropped" summary when the rate limit had dropped some); retained and other-DID messages are
/// always refused as such; a repeat runs nothing and answers the same 0x0094 again; everything published is a
/// well-formed frame on the device's own dev2app topics; a handled 0x0093 is answered by a 0x0094 with its sn, a
/// handled 0x0010 by a 0x0011 and its settings take effect without the reserved bits. Per input: the 0x0012 logs stay
/// within the rate limit (burst + one per refill period).
/// </summary>
public sealed class DispatcherHarness : IFuzzHarness
{
    private static readonly Product Product = GoKitProduct.Create();
    private static readonly BoardMap Map = LoadBoard();
    private readonly bool simulatedBoard;
    private readonly FrameReader reader = new();
    private readonly FrameReader request = new();

    /// <summary>Creates the harness; <paramref name="simulatedBoard"/> puts the core on a <see cref="SimulatedBoard"/>.</summary>
    public DispatcherHarness(bool simulatedBoard)
    {
        this.simulatedBoard = simulatedBoard;
    }

    /// <inheritdoc/>
    public string Name => simulatedBoard ? "dispatcher-sim" : "dispatcher";

    /// <summary>The device configuration every run uses (tests build their own core the same way).</summary>
    public static DeviceConfig Config() => new() { Did = DispatchInput.Did, Passcode = "FUZZPASSCO", Product = Product, Board = Map };

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        List<DispatchMessage> messages = DispatchInput.Parse(data);
        using SimulatedBoard? board = simulatedBoard ? SimulatedBoard.For(Map) : null;
        // Muted journal: the pins count calls but format nothing (the board-less run stays fast for AFL).
        var pins = new FakePinDriver(new Journal { Record = false }, board?.PinDriver);
        var transport = new FakeTransport { Online = true };
        var clock = new FakeClock();
        DeviceConfig config = Config();
        var core = new DeviceCore(config, clock, transport, pins, null!, new EchoCustomHandler());
        core.Start();
        core.Tick();
        core.OnConnected();
        int logsBefore = CountLogs(transport.Published, 0);

        foreach (DispatchMessage message in messages)
        {
            clock.NowMs += message.AdvanceMs;
            core.Tick();
            core.OnPingResponse();
            Deliver(core, pins, board, transport, message);
        }

        int logs = CountLogs(transport.Published, 0) - logsBefore;
        long allowed = config.LogBurst + (clock.NowMs / config.LogRefillMs) + 1;
        Invariant.Check(logs <= allowed, $"{logs} logs published in {clock.NowMs} ms; the rate limit allows {allowed}");
    }

    private void Deliver(DeviceCore core, FakePinDriver pins, SimulatedBoard? board, FakeTransport transport, DispatchMessage message)
    {
        int moves = pins.Calls;
        var state = new DataPointValues(Product);
        state.CopyFrom(core.State);
        int settings = core.Settings.Value;
        string boardBefore = board is null ? string.Empty : Describe(board);
        int published = transport.Published.Count;

        DispatchOutcome outcome = core.OnMessage(message.Topic, message.Payload, 0, message.Payload.Length, message.Retained);

        List<(string Topic, byte[] Payload)> sent = transport.Published.GetRange(published, transport.Published.Count - published);
        foreach ((string topic, byte[] payload) in sent)
        {
            Invariant.Check(topic == Topics.Dev2App(DispatchInput.Did) || topic.StartsWith(Topics.Dev2App(DispatchInput.Did) + "/", StringComparison.Ordinal), $"published on {topic}");
            Invariant.Check(reader.Decode(payload, 0, payload.Length) == FrameError.None, $"published a malformed frame ({reader.Error}) on {topic}: {Convert.ToHexString(payload)}");
        }

        if (message.Retained) Invariant.Check(outcome == DispatchOutcome.Retained, $"a retained message was {outcome}");
        else if (message.Topic == DispatchInput.Topics[2]) Invariant.Check(outcome == DispatchOutcome.OtherDid, $"a message for another DID was {outcome}");

        if (outcome != DispatchOutcome.Handled && outcome != DispatchOutcome.Repeated)
        {
            Invariant.Check(pins.Calls == moves, $"{outcome}: {pins.Calls - moves} pin calls");
            Invariant.Check(SameState(state, core.State), $"{outcome}: a data point changed");
            Invariant.Check(core.Settings.Value == settings, $"{outcome}: settings changed from 0x{settings:x4} to 0x{core.Settings.Value:x4}");
            if (board is not null) Invariant.Check(Describe(board) == boardBefore, $"{outcome}: the simulated board changed: {boardBefore} -> {Describe(board)}");
            Invariant.Check(sent.Count <= 3, $"{outcome}: {sent.Count} publishes");
            TopicError topicError = Topics.ParseApp2Dev(message.Topic, DispatchInput.Did, out int refusedStart, out int refusedLength);
            bool isCommand = request.Decode(message.Payload, 0, message.Payload.Length) == FrameError.None && request.Command == GizwitsCommand.BusinessWithSn
                && topicError == TopicError.None && !message.Retained;
            int answers = 0;
            foreach ((string topic, byte[] payload) in sent)
            {
                reader.Decode(payload, 0, payload.Length);
                if (reader.Command == GizwitsCommand.BusinessWithSnAck)
                {
                    // A refused 0x0093 is answered once, on its App's topic, with its sn and the status it did not change.
                    Invariant.Check(isCommand && topic == Topics.Dev2App(DispatchInput.Did, message.Topic.Substring(refusedStart, refusedLength)) && reader.Sn == request.Sn, $"{outcome}: a 0x0094 on {topic} for a message that was not that App's 0x0093");
                    Invariant.Check(IsStatus(reader, core.State), $"{outcome}: the refusal's 0x0094 does not carry the unchanged status");
                    answers++;
                    continue;
                }

                Invariant.Check(topic == Topics.Dev2App(DispatchInput.Did) && reader.Command == GizwitsCommand.Log && reader.LogLevel == (byte)LogLevel.Warning, $"{outcome}: published 0x{reader.Command:x4} on {topic}, not a Warning log");
            }

            Invariant.Check(!isCommand || answers == 1, $"{outcome}: a refused 0x0093 got {answers} 0x0094 answers");
            return;
        }

        Invariant.Check(request.Decode(message.Payload, 0, message.Payload.Length) == FrameError.None, $"{outcome} for a malformed frame ({request.Error})");
        Topics.ParseApp2Dev(message.Topic, DispatchInput.Did, out int clientStart, out int clientLength);
        string replyTopic = Topics.Dev2App(DispatchInput.Did, message.Topic.Substring(clientStart, clientLength));
        if (outcome == DispatchOutcome.Repeated)
        {
            Invariant.Check(request.Command == GizwitsCommand.BusinessWithSn, $"Repeated for 0x{request.Command:x4}");
            Invariant.Check(pins.Calls == moves && SameState(state, core.State), "a repeat ran the command again");
            Invariant.Check(sent.Count == 1 && sent[0].Topic == replyTopic, $"a repeat published {sent.Count} messages");
        }

        switch (request.Command)
        {
            case GizwitsCommand.BusinessWithSn:
                Invariant.Check(Answered(sent, replyTopic, GizwitsCommand.BusinessWithSnAck, request.Sn), $"0x0093 sn {request.Sn} {outcome} without its 0x0094 on {replyTopic}");
                break;
            case GizwitsCommand.Settings:
                Invariant.Check(Answered(sent, replyTopic, GizwitsCommand.SettingsAck, 0), "0x0010 handled without a 0x0011");
                Invariant.Check(core.Settings.Value == (request.Settings & ~DeviceSettings.ReservedMask), $"0x0010 0x{request.Settings:x4} applied as 0x{core.Settings.Value:x4}");
                break;
            case GizwitsCommand.Business:
                break;
            default:
                throw new InvariantViolationException($"{outcome} for command 0x{request.Command:x4}, which a device does not run");
        }
    }

    // Exactly one answer: every 0x0093 gets one 0x0094, never two.
    private bool Answered(List<(string Topic, byte[] Payload)> sent, string replyTopic, ushort command, uint sn)
    {
        int answers = 0;
        foreach ((string topic, byte[] payload) in sent)
        {
            reader.Decode(payload, 0, payload.Length);
            if (topic == replyTopic && reader.Command == command && reader.Sn == sn) answers++;
        }

        return answers == 1;
    }

    private static bool IsStatus(FrameReader answer, DataPointValues state)
    {
        byte[] expected = new byte[Product.MaxMessageSize];
        if (P0Writer.WriteStatus(state, P0Action.Report, expected, 0, out int length) != P0Error.None) return false;
        return answer.Buffer.AsSpan(answer.BodyOffset, answer.BodyLength).SequenceEqual(expected.AsSpan(0, length));
    }

    private int CountLogs(List<(string Topic, byte[] Payload)> published, int from)
    {
        int n = 0;
        for (int i = from; i < published.Count; i++)
        {
            byte[] payload = published[i].Payload;
            if (reader.Decode(payload, 0, payload.Length) == FrameError.None && reader.Command == GizwitsCommand.Log) n++;
        }

        return n;
    }

    private static bool SameState(DataPointValues a, DataPointValues b)
    {
        for (int id = 0; id < Product.Points.Length; id++)
        {
            if (a.Get(id) != b.Get(id)) return false;
        }

        return a.Binary.AsSpan().SequenceEqual(b.Binary);
    }

    private static string Describe(SimulatedBoard board)
    {
        var parts = new List<string>();
        foreach (OutputBinding output in Map.Outputs)
        {
            IReadOnlyList<PinChange> history = board.History(output.Pin);
            string last = history.Count == 0 ? "-" : history[^1].ToString();
            string duty = output.Kind == OutputKind.Pwm ? board.GetDuty(output.Pin).ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "-";
            parts.Add($"{output.Pin}:{board.GetLevel(output.Pin)}/{history.Count}/{last}/{duty}");
        }

        return string.Join(' ', parts);
    }

    private static BoardMap LoadBoard()
    {
        using Stream stream = typeof(DispatcherHarness).Assembly.GetManifestResourceStream("simulated.json")
            ?? throw new InvalidOperationException("the simulated board map is not embedded");
        using var text = new StreamReader(stream);
        if (!BoardFile.TryParse(text.ReadToEnd(), "hardware/boards/simulated.json", Product, out BoardMap map, out string error))
        {
            throw new InvalidOperationException(error);
        }

        return map;
    }
}
