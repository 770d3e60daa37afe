using BenchmarkDotNet.Running;

namespace DeviceFirmware.Benchmarks
{
    /// <summary>Runs the benchmarks: dotnet run -c Release --project DeviceFirmware.Benchmarks -- --filter '*'.</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
