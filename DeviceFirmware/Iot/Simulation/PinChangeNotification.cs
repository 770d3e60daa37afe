#nullable enable
using System.Collections.Generic;
using System.Device.Gpio;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>A pin-change callback and the edges it asked for.</summary>
internal readonly record struct PinSubscription(PinEventTypes EventTypes, PinChangeEventHandler Handler);

/// <summary>
/// The callbacks of one edge, collected under the driver's lock and raised after it is released, so a handler may call
/// back into the driver (a button handler reading the pin) without deadlocking. The default value raises nothing.
/// </summary>
internal readonly struct PinChangeNotification
{
    private readonly int pin;
    private readonly PinEventTypes edge;
    private readonly List<PinChangeEventHandler>? handlers;

    /// <summary>The <paramref name="handlers"/> to call for <paramref name="edge"/> on <paramref name="pin"/>.</summary>
    public PinChangeNotification(int pin, PinEventTypes edge, List<PinChangeEventHandler> handlers)
    {
        this.pin = pin;
        this.edge = edge;
        this.handlers = handlers;
    }

    /// <summary>Calls every handler on this thread, with <paramref name="sender"/> as the event's sender.</summary>
    public void Raise(object sender)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (PinChangeEventHandler handler in handlers)
        {
            handler(sender, new PinValueChangedEventArgs(edge, pin));
        }
    }
}
