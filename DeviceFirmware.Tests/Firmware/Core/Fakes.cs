using System;
using System.Collections.Generic;
using DeviceFirmware.Core;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Tests.Firmware.Core
{
    internal sealed class FakeClock : IClock
    {
        public long NowMs { get; set; }
    }

    /// <summary>Records publishes; can be switched to count only, for allocation tests.</summary>
    internal sealed class RecordingSink : IMessageSink
    {
        public List<(string Topic, byte[] Payload)> Published { get; } = new();
        public bool Record { get; set; } = true;
        public int Count { get; private set; }

        public bool Publish(string topic, byte[] payload, int offset, int count)
        {
            Count++;
            if (Record) Published.Add((topic, payload.AsSpan(offset, count).ToArray()));
            return true;
        }
    }

    /// <summary>Outputs that remember the last level of every point, like pins.</summary>
    internal sealed class FakeOutputs : IOutputs
    {
        public FakeOutputs(int points) => Levels = new long[points];
        public long[] Levels { get; }
        public int Applies { get; private set; }

        public void Apply(DataPointValues state, bool[] changed)
        {
            Applies++;
            for (int id = 0; id < changed.Length; id++)
            {
                if (changed[id]) Levels[id] = state.Get(id);
            }
        }
    }
}
