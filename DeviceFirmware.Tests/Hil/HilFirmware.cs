using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeviceFirmware.Iot.Provisioning;
using DeviceFirmware.Tests.Interop;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>
    /// One firmware process of a <see cref="HilWorld"/>: the simulated board (read through its control API), an identity
    /// registered with the world's GService and kept in a state file, so it can be killed and restarted as the same DID.
    /// </summary>
    internal sealed class HilFirmware : IDisposable
    {
        private readonly HilWorld world;
        private readonly string[] extra;
        private readonly List<ChildProcess> runs = new();

        internal HilFirmware(HilWorld world, string name, string stateFile, string[] extra, int simPort = 0, string? productFile = null, string board = "simulated")
        {
            this.world = world;
            ProductFile = productFile ?? RepoPaths.Product("gokit");
            Board = board;
            Name = name;
            StateFile = stateFile;
            this.extra = extra;
            SimPort = simPort != 0 ? simPort : FreePort.Next();
            Sim = new SimControl(SimPort);
        }

        public string Name { get; }

        /// <summary>The product JSON the firmware runs (<c>--product</c>; GoKit unless the test chose another).</summary>
        public string ProductFile { get; }

        /// <summary>The board name or file (<c>--board</c>).</summary>
        public string Board { get; }

        public string StateFile { get; }

        public int SimPort { get; }

        /// <summary>The simulated board's pins, from outside the process.</summary>
        public SimControl Sim { get; }

        public string Did { get; private set; } = "";

        public string Passcode { get; private set; } = "";

        /// <summary>The current run (the last one started).</summary>
        public ChildProcess Process => runs[^1];

        /// <summary>Every run so far (a restart adds one), for the error scan.</summary>
        public IReadOnlyList<ChildProcess> Runs => runs;

        /// <summary>Starts (or restarts) the process and waits until it is connected to M2M.</summary>
        public void Start()
        {
            string[] args =
            {
                "--board", Board, "--product", ProductFile,
                "--gservice", world.Cloud.GService.ToString(), "--state-file", StateFile,
                "--sim-control", "127.0.0.1:" + SimPort.ToString(CultureInfo.InvariantCulture),
            };
            ChildProcess run = ChildProcess.Start(Name, world.FirmwareCommand[0], world.FirmwareCommand.Skip(1).Concat(args).Concat(extra));
            runs.Add(run);
            run.WaitForLine(l => l.Contains("Connected to", StringComparison.Ordinal), world.FirmwareStartSeconds);
            Assert.True(DeviceFirmware.Iot.Provisioning.StateFile.TryLoad(StateFile, out DeviceIdentity? identity, out string error), error);
            Did = identity!.Did;
            Passcode = identity.Passcode;
        }

        /// <summary>SIGKILL: no DISCONNECT, no safe levels: the broker sees a dead TCP connection.</summary>
        public void Kill() => Process.Dispose();

        /// <summary>SIGTERM, and waits for the exit.</summary>
        public int Terminate()
        {
            Process.Terminate();
            Assert.True(Process.WaitForExit(20), $"{Name} did not stop within 20 s of SIGTERM:\n{Process.Tail()}");
            return Process.ExitCode;
        }

        public void Dispose()
        {
            foreach (ChildProcess run in runs) run.Dispose();
            Sim.Dispose();
        }
    }
}
