using DeviceFirmware.Core.Board;

namespace DeviceFirmware.Testing.Sensors;

/// <summary>A climate sensor whose reading (or failure) the test sets.</summary>
public sealed class FakeSensor : ISensor
{
    /// <summary>The temperature the next read returns.</summary>
    public double Celsius { get; set; } = 21.5;

    /// <summary>The relative humidity (%) the next read returns.</summary>
    public double Humidity { get; set; } = 40;

    /// <summary>True makes every read fail (as an absent or broken chip).</summary>
    public bool Fails { get; set; }

    /// <summary>Calls of <see cref="TryRead"/>.</summary>
    public int Reads { get; private set; }

    /// <inheritdoc/>
    public bool TryRead(out double temperatureCelsius, out double relativeHumidityPercent)
    {
        Reads++;
        temperatureCelsius = Fails ? 0 : Celsius;
        relativeHumidityPercent = Fails ? 0 : Humidity;
        return !Fails;
    }
}
