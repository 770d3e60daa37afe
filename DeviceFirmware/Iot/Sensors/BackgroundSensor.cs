#nullable enable
using System;
using System.Diagnostics;
using System.Threading;
using DeviceFirmware.Core.Board;

namespace DeviceFirmware.Iot.Sensors;

/// <summary>
/// Reads a slow sensor on its own thread and answers <see cref="TryRead"/> from the latest reading, so the firmware loop
/// never waits on I2C: an SHT3x measurement takes tens of milliseconds, long enough to delay every App command behind
/// it. A reading older than three periods (the bus hung) counts as a failure, so the fault data point still tells.
/// </summary>
public sealed class BackgroundSensor : ISensor, IDisposable
{
    private readonly ISensor sensor;
    private readonly int periodMs;
    private readonly object gate = new();
    private readonly Thread thread;
    private readonly ManualResetEventSlim stop = new(false);
    private bool ok;
    private double temperature;
    private double humidity;
    private long readAt;

    /// <summary>Takes a first reading now (so start-up does not look like a fault), then one every <paramref name="periodMs"/>.</summary>
    public BackgroundSensor(ISensor sensor, int periodMs)
    {
        this.sensor = sensor;
        this.periodMs = Math.Max(periodMs, 10);
        ReadOnce();
        thread = new Thread(Run) { Name = "sensor", IsBackground = true };
        thread.Start();
    }

    /// <inheritdoc/>
    public bool TryRead(out double temperatureCelsius, out double relativeHumidityPercent)
    {
        lock (gate)
        {
            temperatureCelsius = temperature;
            relativeHumidityPercent = humidity;
            bool fresh = Stopwatch.GetElapsedTime(readAt).TotalMilliseconds <= 3.0 * periodMs;
            return ok && fresh;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        stop.Set();
        thread.Join(2000);
        stop.Dispose();
    }

    private void Run()
    {
        while (!stop.Wait(periodMs)) ReadOnce();
    }

    private void ReadOnce()
    {
        bool success = sensor.TryRead(out double t, out double h);
        lock (gate)
        {
            ok = success;
            temperature = t;
            humidity = h;
            readAt = Stopwatch.GetTimestamp();
        }
    }
}
