using BenchmarkDotNet.Running;

namespace DeviceFirmware.Benchmarks
{
    /// <summary>Runs the benchmarks: dotnet run -c Release --project DeviceFirmware.Benchmarks -- --filter '*' (or -- e2e, -- startup).</summary>
    public static class Program
    {
        /// <summary>Entry point: <c>e2e</c> runs the end-to-end round trips and soak; <c>startup</c> the JIT/native start-up and footprint run; anything else goes to BenchmarkDotNet.</summary>
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "startup") return Startup.StartupRun.RunAsync(args[1..]).GetAwaiter().GetResult();
            if (args.Length > 0 && args[0] == "e2e") return EndToEnd.EndToEndRun.RunAsync(args[1..]).GetAwaiter().GetResult();
            if (args.Length == 4 && args[0] == "echo-device") return EndToEnd.EchoDevice.RunAsync(args[1], args[2], args[3]).GetAwaiter().GetResult();
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
