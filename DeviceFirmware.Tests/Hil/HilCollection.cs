using Xunit;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>
    /// The HIL scenarios run one at a time, after the parallel tests: each starts real processes, and on a 2-core
    /// machine several at once would turn their generous deadlines into a race with the CPU.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class HilCollection
    {
        public const string Name = "HIL";
    }
}
