using System;
using DeviceFirmware.Boards;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;
using DeviceFirmware.Tests.Firmware.Core;
using DeviceFirmware.Tests.Firmware.Core.Device;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Nano
{
    /// <summary>
    /// The ESP32 memory budget (docs/esp32.md, "Memory budget"): what the device core preallocates for the reference
    /// product (GoKit) on the esp32-devkitc board, plus honest estimates of what PreallocatedBytes does not count, stays
    /// within 16 KB of the 50–80 KB managed heap an ESP32 without PSRAM leaves.
    /// </summary>
    public class MemoryBudgetTests
    {
        /// <summary>The budget the issue sets for the core's preallocation.</summary>
        public const int BudgetBytes = 16 * 1024;

        /// <summary>nanoFramework's heap block header (CLR_RT_HeapBlock, 12 bytes) per object, arrays included.</summary>
        public const int ObjectHeaderBytes = 12;

        /// <summary>Array objects (plus their owners) the core allocates at construction, rounded up generously.</summary>
        public const int CoreObjects = 80;

        /// <summary>The ESP32 host's own preallocation: its CoreInbox (Core/Hosting/CoreInbox.cs) for 8 messages and no logs, as Nano/Program.cs builds it.</summary>
        public static readonly int InboxBytes = new DeviceFirmware.Core.Hosting.CoreInbox(8, 0).PreallocatedBytes;

        private readonly ITestOutputHelper output;

        public MemoryBudgetTests(ITestOutputHelper output) => this.output = output;

        private static DeviceCore GoKitOnEsp32() =>
            new(new DeviceConfig { Did = new string('d', 64), Passcode = "ABCDEFGHIJ", Product = GoKitProduct.Create(), Board = Esp32DevkitcBoard.Create() },
                new FakeClock(), new FakeTransport(new Journal()), new FakePinDriver(), new FakeSensor(), null!);

        /// <summary>
        /// Reply topics the dispatcher caches, one string per known App: "dev2app/" + DID (≤ 64) + "/" + AppClientId (≤ 23),
        /// UTF-8 on nanoFramework, plus a header each. Not in PreallocatedBytes (they are made on an App's first message).
        /// </summary>
        private static int ReplyTopicBytes(DispatcherOptions options) => options.KnownApps * (ObjectHeaderBytes + "dev2app/".Length + 64 + 1 + 23);

        [Fact]
        public void GoKit_on_the_ESP32_board_fits_in_16_KB()
        {
            DeviceCore core = GoKitOnEsp32();
            var options = new DispatcherOptions();
            int counted = core.PreallocatedBytes;
            int repeatBookkeeping = options.RepeatWindow * (4 + 4 + 4 + 4); // client id ref, sn, length, reply array ref
            int estimated = counted + (CoreObjects * ObjectHeaderBytes) + ReplyTopicBytes(options) + repeatBookkeeping + InboxBytes;
            output.WriteLine($"dispatcher {core.Dispatcher.BufferBytes} B, log frame {core.Log.BufferSize} B, outputs {core.Outputs.BufferBytes} B, inputs {core.Inputs.BufferBytes} B");
            output.WriteLine($"PreallocatedBytes {counted} B; with headers ({CoreObjects}×{ObjectHeaderBytes}), reply topics ({ReplyTopicBytes(options)}), repeat-window bookkeeping ({repeatBookkeeping}) and the inbox ({InboxBytes}): {estimated} B of {BudgetBytes}");
            Assert.True(estimated <= BudgetBytes, $"the ESP32 budget is {BudgetBytes} B; the core needs about {estimated} B ({counted} counted by PreallocatedBytes)");
        }

        [Fact]
        public void The_counted_part_is_what_the_product_and_options_derive()
        {
            // Recomputed from the product and the defaults, so that a buffer growing unnoticed fails here.
            Product goKit = GoKitProduct.Create();
            var options = new DispatcherOptions();
            var config = new DeviceConfig();
            int p0 = Math.Max(goKit.MaxMessageSize, 1 + options.MaxCustomReplyBytes);
            int frame = FrameWriter.FrameLength(FrameLimits.SnLength + p0);
            int binary = 0;
            foreach (DataPoint point in goKit.Points) if (point.DataType == DataType.Binary) binary += point.Length;
            int dispatcher = p0 + frame + (options.RepeatWindow * frame) + binary;
            BoardMap board = Esp32DevkitcBoard.Create();
            DeviceCore core = GoKitOnEsp32();
            Assert.Equal(dispatcher, core.Dispatcher.BufferBytes);
            Assert.Equal((goKit.Points.Length * (8 + 4)) + binary, core.PreallocatedBytes - core.Dispatcher.BufferBytes - core.Log.BufferSize - core.Outputs.BufferBytes - core.Inputs.BufferBytes);
            Assert.True(core.Log.BufferSize >= config.LogMaxContentBytes, "the log frame holds the longest content");
            Assert.Equal(board.Outputs.Length * 4, core.Outputs.BufferBytes);
            output.WriteLine($"GoKit: max P0 message {goKit.MaxMessageSize} B, P0 buffer {p0} B, frame {frame} B, repeat window {options.RepeatWindow}×{frame} B, board {board.Name}");
        }

        [Fact]
        public void Construction_on_dotnet_stays_within_the_budget_too()
        {
            // A cross-check, not the device figure: .NET x64 objects are larger than nanoFramework's (8-byte references,
            // 16–24-byte headers, UTF-16 strings), so what the constructor allocates here bounds the device from above.
            GoKitOnEsp32();
            long before = GC.GetAllocatedBytesForCurrentThread();
            DeviceCore core = GoKitOnEsp32();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine($".NET x64: building the product, the board and the core allocated {allocated} B");
            GC.KeepAlive(core);
            Assert.True(allocated <= BudgetBytes, $"{allocated} B on .NET x64");
        }
    }
}
