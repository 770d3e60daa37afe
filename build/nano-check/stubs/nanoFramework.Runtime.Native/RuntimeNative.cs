// Stand-in: package nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native), signatures only.
// Read at tag v1.7.11 of github.com/nanoframework/nanoFramework.Runtime.Native (commit e70ef6920ca811b0403d667036fcbdc605d0e66e):
//   nanoFramework.Runtime.Native/GC.cs: static class GC, `uint Run(bool compactHeap)` (runs the collector and returns
//   the free managed heap in bytes), EnableGCMessages(bool). Native version 100.0.10.0 (Properties/AssemblyInfo.cs).
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw null;

        public static void EnableGCMessages(bool enable) => throw null;
    }
}
