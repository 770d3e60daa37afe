using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Testing.Outputs;

/// <summary>Outputs that remember the last level of every data point, like pins.</summary>
public sealed class FakeOutputs : IOutputs
{
    /// <summary>Remembers <paramref name="points"/> data points (ids 0 .. points-1).</summary>
    public FakeOutputs(int points) => Levels = new long[points];

    /// <summary>The last raw value applied, per data point id.</summary>
    public long[] Levels { get; }

    /// <summary>Calls of <see cref="Apply"/>.</summary>
    public int Applies { get; private set; }

    /// <inheritdoc/>
    public void Apply(DataPointValues state, bool[] changed)
    {
        Applies++;
        for (int id = 0; id < changed.Length; id++)
        {
            if (changed[id]) Levels[id] = state.Get(id);
        }
    }
}
