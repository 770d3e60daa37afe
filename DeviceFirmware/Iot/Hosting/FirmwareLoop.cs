#nullable enable
using System;
using System.Threading;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Hosting;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.Iot.Hosting;

/// <summary>
/// The .NET host's loop thread: <see cref="HostLoop.Start"/>, then <see cref="HostLoop.Step"/> until stopped, then
/// <see cref="HostLoop.Stop"/> (outputs to their safe level, DISCONNECT). Which thread runs which event is
/// <see cref="HostLoop"/>'s decision, the same as on the ESP32; this class only owns the thread.
/// </summary>
public sealed class FirmwareLoop : IDisposable
{
    /// <summary>Longest sleep between two steps, so that a stop is seen even if no event wakes the loop.</summary>
    public const int MaxSleepMs = 1000;

    private readonly HostLoop loop;
    private readonly DeviceCore core;
    private readonly ILogger logger;
    private readonly ManualResetEventSlim stopped = new(false);
    private volatile bool stopping;
    private Thread? thread;

    /// <summary>Creates the loop for <paramref name="core"/>; nothing runs until <see cref="Start"/>.</summary>
    public FirmwareLoop(HostLoop loop, DeviceCore core, ILogger<FirmwareLoop> logger)
    {
        this.loop = loop;
        this.core = core;
        this.logger = logger;
    }

    /// <summary>Starts the loop thread: outputs to their safe level, then the session.</summary>
    public void Start()
    {
        thread = new Thread(Run) { Name = "firmware-loop", IsBackground = true };
        thread.Start();
    }

    /// <summary>Stops the loop: the core drives outputs safe and disconnects; waits up to <paramref name="timeoutMs"/>.</summary>
    public bool Stop(int timeoutMs)
    {
        stopping = true;
        loop.Wake();
        return thread is null || stopped.Wait(timeoutMs);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop(2000);
        stopped.Dispose();
    }

    private void Run()
    {
        try
        {
            loop.Start(core);
            while (!stopping) loop.Step(MaxSleepMs);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the core must not leave a relay on: log it, then fall through to the safe stop below.
            logger.LogCritical(e, "Firmware loop failed");
        }
        finally
        {
            loop.Stop();
            stopped.Set();
        }
    }
}
