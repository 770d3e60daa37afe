using System;
using System.Linq;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Peripherals;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Peripherals
{
    /// <summary>
    /// The board exists before the DID: a host opens it to drive the outputs safe while it registers, and the core built
    /// on it later takes the pins over without opening them again.
    /// </summary>
    public class DeviceBoardTests
    {
        private readonly Journal journal = new();
        private readonly FakePinDriver pins;

        public DeviceBoardTests()
        {
            pins = new FakePinDriver(journal);
            pins.SetInput(GoKit.ButtonPin, true);
        }

        [Fact]
        public void Open_drives_every_output_safe_then_the_inputs_then_the_dark_indicator_and_only_once()
        {
            var board = new DeviceBoard(GoKit.Product, GoKit.Board(), pins);
            Assert.Empty(journal.Entries); // building it touches no pin
            Assert.False(board.IsOpen);

            board.Open(0);
            Assert.True(board.IsOpen);
            Assert.False(pins.Levels[GoKit.RelayPin]);
            Assert.Equal(0, board.State.Get(GoKit.Id("Relay")));
            Assert.Contains($"pin open-input {GoKit.ButtonPin} pull-up=True", journal.Entries);
            Assert.Equal($"pin open-output {GoKit.LedPin} low", journal.Entries.Last());
            int calls = journal.Entries.Count;

            board.Open(1000);
            Assert.Equal(calls, journal.Entries.Count);
        }

        [Fact]
        public void A_core_built_on_an_open_board_takes_the_pins_over_without_opening_them_again()
        {
            var board = new DeviceBoard(GoKit.Product, GoKit.Board(), pins);
            board.Open(0);
            int opens = journal.Entries.Count(e => e.StartsWith("pin open-", StringComparison.Ordinal));

            var config = new DeviceConfig { Did = "did12345", Passcode = "ABCDEFGHIJ", Product = GoKit.Product };
            var core = new DeviceCore(config, new FakeClock(), new FakeTransport(journal), board, new FakeSensor(), null!);
            core.Start();
            Assert.Equal(opens, journal.Entries.Count(e => e.StartsWith("pin open-", StringComparison.Ordinal)));
            Assert.False(pins.Levels[GoKit.RelayPin]); // still safe: Start drives them again, at the same level
            Assert.Same(board.State, core.State);
        }

        [Fact]
        public void A_core_for_another_product_than_the_boards_is_refused()
        {
            var board = new DeviceBoard(GoKit.Product, GoKit.Board(), pins);
            var other = DeviceFirmware.Protocol.P0.ProductJson.Load(RepoPaths.Product("gokit"));
            var config = new DeviceConfig { Did = "did12345", Passcode = "ABCDEFGHIJ", Product = other };
            var e = Assert.Throws<ArgumentException>(() => new DeviceCore(config, new FakeClock(), new FakeTransport(journal), board, null!, null!));
            Assert.Contains("config.Product", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_board_that_does_not_fit_the_product_is_refused_naming_the_board_and_touching_no_pin()
        {
            BoardMap map = GoKit.Board();
            map.Name = "misfit";
            map.Outputs[0].Point = "No_Such_Point";
            var e = Assert.Throws<ArgumentException>(() => new DeviceBoard(GoKit.Product, map, pins));
            Assert.StartsWith("board \"misfit\": ", e.Message, StringComparison.Ordinal);
            Assert.Empty(journal.Entries);
        }
    }
}
