using System;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Peripherals
{
    /// <summary>
    /// A product's data points on a board's pins: the device state, the outputs, the debounced inputs and the
    /// indicator LED's pin. It exists before the device has a DID, so that a host can drive every output to its safe
    /// level before anything else (the .NET host registers with GService first, which can take minutes), and the
    /// <see cref="Device.DeviceCore"/> built on it later takes the same pins over instead of opening them again.
    /// </summary>
    public sealed class DeviceBoard
    {
        /// <summary>
        /// Binds <paramref name="product"/> to <paramref name="board"/> (null = a board with nothing wired). Throws
        /// <see cref="ArgumentException"/> for a missing product or pin driver, or a board that does not fit the product
        /// (<see cref="BoardCheck.Check"/>'s message, naming the board field). Touches no pin.
        /// </summary>
        public DeviceBoard(Product product, BoardMap board, IPinDriver pins)
        {
            if (product == null) throw new ArgumentException("product: missing");
            if (pins == null) throw new ArgumentException("the pin driver is required");
            Map = board ?? new BoardMap();
            string error = BoardCheck.Check(product, Map);
            if (error != null) throw new ArgumentException($"board \"{Map.Name}\": {error}");
            Product = product;
            Pins = pins;
            State = new DataPointValues(product);
            Outputs = new BoardOutputs(product, Map.Outputs, pins);
            Inputs = new BoardInputs(product, Map.Inputs, pins);
        }

        /// <summary>The pin driver every pin goes through.</summary>
        public IPinDriver Pins { get; }

        /// <summary>The product whose data points these are.</summary>
        public Product Product { get; }

        /// <summary>The board map: which data point is wired to which pin.</summary>
        public BoardMap Map { get; }

        /// <summary>The raw value of every data point: what status reports carry and outputs follow.</summary>
        public DataPointValues State { get; }

        /// <summary>The output pins.</summary>
        public BoardOutputs Outputs { get; }

        /// <summary>The debounced input pins.</summary>
        public BoardInputs Inputs { get; }

        /// <summary>True once <see cref="Open"/> has run.</summary>
        public bool IsOpen { get; private set; }

        /// <summary>
        /// Opens every pin: each output at its safe level (the state follows), then the inputs, then the indicator,
        /// dark. Does nothing when already open.
        /// </summary>
        public void Open(long nowMs)
        {
            if (IsOpen) return;
            Outputs.Open(State);
            Inputs.Open(State, nowMs);
            if (Map.IndicatorPin >= 0) Pins.OpenOutput(Map.IndicatorPin, Map.IndicatorActiveLow);
            IsOpen = true;
        }
    }
}
