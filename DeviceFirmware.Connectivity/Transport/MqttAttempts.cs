#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;

namespace DeviceFirmware.Iot.Transport;

/// <summary>
/// The bookkeeping of MQTT connect attempts, shared by the firmware's transport and the App client (both driven by the
/// core's session supervisor): each attempt gets a fresh MQTTnet client and a generation number, so that a late answer
/// from an abandoned or replaced attempt is never taken for the current one; an attempt becomes "announced" once its
/// CONNACK and SUBACK are in, and only an announced connection can be lost. Retired clients are closed in the
/// background (DISCONNECT, then dispose), and <see cref="CloseAllAsync"/> waits for them, so a stopping process always
/// says goodbye.
/// </summary>
public sealed class MqttAttempts
{
    private readonly object gate = new();
    private readonly Func<IMqttClient, int, Task> close;
    private IMqttClient? client;
    private CancellationTokenSource? cancel;
    private int generation;
    private int announced = -1;
    private int lostEarly = -1;
    private Task closing = Task.CompletedTask;

    /// <summary>Creates the bookkeeping; <paramref name="close"/> says goodbye to a client (within the given milliseconds) and disposes it.</summary>
    public MqttAttempts(Func<IMqttClient, int, Task> close)
    {
        this.close = close;
    }

    /// <summary>The newest generation (an attempt number, or later when abandoned).</summary>
    public int Generation => Volatile.Read(ref generation);

    /// <summary>True while <paramref name="attempt"/> is the newest attempt.</summary>
    public bool IsCurrent(int attempt) => Volatile.Read(ref generation) == attempt;

    /// <summary>The connected (announced) client, or null.</summary>
    public IMqttClient? Connected
    {
        get
        {
            lock (gate) return announced == generation ? client : null;
        }
    }

    /// <summary>The connected client and its attempt number, or null.</summary>
    public IMqttClient? ConnectedAttempt(out int attempt)
    {
        lock (gate)
        {
            attempt = generation;
            return announced == generation ? client : null;
        }
    }

    /// <summary>Starts attempt number N with <paramref name="fresh"/>; the previous client, if any, is retired.</summary>
    public int Begin(IMqttClient fresh, out CancellationToken token)
    {
        var source = new CancellationTokenSource();
        lock (gate)
        {
            int attempt = ++generation;
            Retire();
            client = fresh;
            cancel = source;
            token = source.Token;
            return attempt;
        }
    }

    /// <summary>
    /// Marks <paramref name="attempt"/> connected. False when it is no longer current, or when its connection closed before
    /// (<see cref="Lose"/> came first, or <paramref name="stillOpen"/> says so): the caller then reports a failed attempt.
    /// </summary>
    public bool Announce(int attempt, Func<bool> stillOpen)
    {
        lock (gate)
        {
            if (generation != attempt || lostEarly == attempt || !stillOpen()) return false;
            announced = attempt;
            return true;
        }
    }

    /// <summary>The connection of <paramref name="attempt"/> closed. True when it was the announced one (report a loss).</summary>
    public bool Lose(int attempt)
    {
        lock (gate)
        {
            if (generation != attempt) return false;
            if (announced != attempt)
            {
                lostEarly = attempt;
                return false;
            }

            announced = -1;
            return true;
        }
    }

    /// <summary>Abandons the current attempt or connection (timeout, drop, stop): its client is retired.</summary>
    public void Abandon()
    {
        lock (gate)
        {
            generation++;
            Retire();
        }
    }

    /// <summary>Abandons everything and waits (at most <paramref name="timeoutMs"/>) until every retired client has said goodbye.</summary>
    public async Task<bool> CloseAllAsync(int timeoutMs)
    {
        Task all;
        lock (gate)
        {
            generation++;
            Retire();
            all = closing;
        }

        try
        {
            await all.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs)).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    // Caller holds the gate.
    private void Retire()
    {
        cancel?.Cancel();
        cancel?.Dispose();
        cancel = null;
        announced = -1;
        IMqttClient? old = client;
        client = null;
        if (old is null) return;
        Task goodbye = Task.Run(() => close(old, 2000));
        closing = closing.IsCompleted ? goodbye : Task.WhenAll(closing, goodbye);
    }
}
