#nullable enable
namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// One level change of a simulated output pin. <paramref name="Sequence"/> counts changes across the whole
/// pin bank, so the histories of two pins can be put in order against each other.
/// </summary>
/// <param name="Sequence">The bank-wide change number (1, 2, 3 … in the order the changes happened).</param>
/// <param name="Level">The new electrical level: true is high.</param>
public readonly record struct PinChange(long Sequence, bool Level);
