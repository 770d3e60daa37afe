using System;

namespace DeviceFirmware.Nano.Hosting
{
    /// <summary>
    /// Prints the free managed heap on the serial output: <c>nanoFramework.Runtime.Native.GC.Run(false)</c> runs the
    /// collector (without compacting) and returns the free bytes of nanoCLR's managed heap. Printed once after start-up
    /// and once after the first connect, so that docs/esp32.md's computed figure can be checked on a board.
    /// </summary>
    public static class HeapReport
    {
        /// <summary>Free managed heap in bytes, after a collection.</summary>
        public static uint FreeBytes() => nanoFramework.Runtime.Native.GC.Run(false);

        /// <summary>Prints <c>free managed heap WHEN: N bytes</c>.</summary>
        public static void Print(string when)
        {
            Console.WriteLine("free managed heap " + when + ": " + FreeBytes() + " bytes");
        }
    }
}
