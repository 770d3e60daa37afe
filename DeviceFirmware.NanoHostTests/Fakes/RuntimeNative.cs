// Behavioural double of nanoFramework.Runtime.Native 1.7.11's GC (public surface = build/nano-check/stubs/nanoFramework.Runtime.Native,
// checked by FakeSurfaceTests). Run returns what the test set; the real one returns nanoCLR's free managed heap.
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        internal static uint FreeBytesForTests { get; set; } = 42000;

        internal static int RunsForTests { get; set; }

        public static uint Run(bool compactHeap)
        {
            RunsForTests++;
            return FreeBytesForTests;
        }

        public static void EnableGCMessages(bool enable)
        {
        }
    }
}
