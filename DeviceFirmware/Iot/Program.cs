#nullable enable
namespace DeviceFirmware.Iot;

/// <summary>Entry point of the firmware on .NET (Raspberry Pi, any Linux with the simulated board).</summary>
public static class Program
{
    /// <summary>Runs the firmware until Ctrl+C or SIGTERM.</summary>
    public static int Main(string[] args)
    {
        System.Console.Error.WriteLine("the .NET host is being built (issue 4)");
        return args.Length == 0 ? 2 : 2;
    }
}
