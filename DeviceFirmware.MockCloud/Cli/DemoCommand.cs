using System;
using System.CommandLine;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using DeviceFirmware.MockCloud.Demo;
using DeviceFirmware.MockCloud.M2m;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary><c>gizctl demo</c>: the whole loop on this machine (see <see cref="DemoRunner"/>).</summary>
internal static class DemoCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var http = new Option<string>("--http") { Description = "GService listener HOST:PORT (0 = any free port)", DefaultValueFactory = _ => "127.0.0.1:8080" };
        var mqtt = new Option<string>("--mqtt") { Description = "M2M listener HOST:PORT", DefaultValueFactory = _ => "127.0.0.1:1883" };
        var sim = new Option<int>("--sim-port") { Description = "the simulated board's control API port (0 = any free port)", DefaultValueFactory = _ => 8081 };
        var noWait = new Option<bool>("--no-wait") { Description = "run the scripted steps and stop (for scripts and tests)" };
        var folder = new Option<string?>("--folder") { Description = "keep the database, device state and App session here (default: a new temporary folder)" };
        var demo = new Command("demo", "Run the whole loop: the mock cloud, a firmware on the simulated board, an App controlling it. Stays up for another terminal until Ctrl+C.");
        foreach (Option option in new Option[] { http, mqtt, sim, noWait, folder }) demo.Options.Add(option);
        demo.SetAction(result =>
        {
            var options = new DemoOptions { SimControlPort = result.GetValue(sim), NoWait = result.GetValue(noWait), Folder = result.GetValue(folder) };
            try
            {
                options.Http = M2mOptions.ParseEndpoint(result.GetValue(http)!);
                options.Mqtt = M2mOptions.ParseEndpoint(result.GetValue(mqtt)!);
            }
            catch (FormatException e)
            {
                stderr.WriteLine("error: " + e.Message);
                return ExitCodes.Error;
            }

            using var stop = new CancellationTokenSource();
            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            try
            {
                return new DemoRunner(options, stdout).RunAsync(stop.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or App.GServiceException or App.CloudUnreachableException or App.AppConnectRefusedException or App.DeviceNotBoundException or System.Net.Sockets.SocketException or Protocol.P0.ProductException)
            {
                stderr.WriteLine("error: the demo failed: " + e.Message);
                return ExitCodes.Error;
            }
        });
        return demo;
    }
}
