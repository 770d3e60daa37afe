using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.MockCloud.Cloud;
using DeviceFirmware.Protocol.P0;
using Microsoft.Extensions.Logging;
using ProtocolLogLevel = DeviceFirmware.Protocol.LogLevel;

namespace DeviceFirmware.MockCloud.Demo;

/// <summary>
/// The README's first command: the mock cloud in-process, the firmware as a child process on the simulated board
/// (registering itself), a demo App user bound to it, then the loop live — relay, button, temperature, 0x0010 — with
/// what crossed the wire (⇒ App to device, ⇐ device to App) and what the pins did. Then it stays up for another
/// terminal until Ctrl+C (or stops at once with <see cref="DemoOptions.NoWait"/>).
/// </summary>
internal sealed class DemoRunner
{
    private const string AppId = "demo-app";
    private const string DemoPassword = "demo-password-1";
    private readonly DemoOptions options;
    private readonly TextWriter output;
    private readonly object writeGate = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<DeviceStatusEvent> broadcasts = new();

    public DemoRunner(DemoOptions options, TextWriter output)
    {
        this.options = options;
        this.output = output;
    }

    public async Task<int> RunAsync(CancellationToken stop)
    {
        string folder = options.Folder ?? Directory.CreateTempSubdirectory("gizwits-demo-").FullName;
        string products = Path.Combine(AppContext.BaseDirectory, "hardware", "products");
        Product product = ProductJson.Load(Path.Combine(products, "gokit.json"));
        if (!BoardFile.TryLoad(Path.Combine(AppContext.BaseDirectory, "hardware", "boards", "simulated.json"), product, out BoardMap board, out string boardError))
        {
            throw new InvalidOperationException(boardError);
        }

        int relayPin = board.Outputs.Single(o => o.Point == "Relay").Pin;
        int buttonPin = board.Inputs.Single(i => i.Point == "Button").Pin;
        int indicatorPin = board.IndicatorPin;

        Say($"The mock cloud: GService + M2M in this process (database {Path.Combine(folder, "cloud.db")})");
        var cloudOptions = new MockCloudOptions { Http = Free(options.Http), Mqtt = Free(options.Mqtt), Mqtts = null, Database = Path.Combine(folder, "cloud.db") };
        cloudOptions.AppIds.Add(AppId);
        foreach (string file in Directory.GetFiles(products, "*.json")) cloudOptions.ProductFiles.Add(file);
        using ILoggerFactory quiet = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Error));
        await using MockCloudHost cloud = await MockCloudHost.StartAsync(cloudOptions, quiet).ConfigureAwait(false);
        Say($"  GService {cloud.GServiceAddress}   M2M {cloud.MqttEndpoint}");

        Say("The firmware on the simulated board (a child process): it registers itself with GService and connects");
        string state = Path.Combine(folder, "device.json");
        using FirmwareChild firmware = FirmwareChild.Start(
            "--board", "simulated", "--product", Path.Combine(products, "gokit.json"), "--gservice", cloud.GServiceAddress.ToString(),
            "--state-file", state, "--sim-control", "127.0.0.1:" + Free(new IPEndPoint(IPAddress.Loopback, options.SimControlPort)).Port.ToString(CultureInfo.InvariantCulture));
        try
        {
            string simLine = await firmware.WaitForAsync("control API at", TimeSpan.FromSeconds(30), stop).ConfigureAwait(false);
            using var sim = new SimBoardClient(new Uri(simLine[simLine.IndexOf("http://", StringComparison.Ordinal)..].Trim()));
            await firmware.WaitForAsync("Connected to", TimeSpan.FromSeconds(30), stop).ConfigureAwait(false);
            using JsonDocument identity = JsonDocument.Parse(await File.ReadAllTextAsync(state, stop).ConfigureAwait(false));
            string did = identity.RootElement.GetProperty("did").GetString()!;
            string passcode = identity.RootElement.GetProperty("passcode").GetString()!;
            Say($"  DID {did}, online; its board's control API at {sim.BaseAddress}");

            Say("A demo App user registers and binds the device (GService HTTP)");
            using var gservice = new GServiceClient(cloud.GServiceAddress, AppId);
            string userName = "demo-" + Guid.NewGuid().ToString("N")[..6];
            AppSession session = await gservice.RegisterAsync(userName, DemoPassword, stop).ConfigureAwait(false);
            await gservice.BindAsync(did, passcode, "demo board", null, stop).ConfigureAwait(false);
            string sessionFile = Path.Combine(folder, "session.json");
            new AppSessionFile { Cloud = cloud.GServiceAddress.ToString(), AppId = AppId, Uid = session.Uid, Token = session.Token, ExpireAt = session.ExpireAt.ToUnixTimeSeconds(), M2m = cloud.MqttEndpoint.ToString() }.Save(sessionFile);
            Say($"  uid {session.Uid}, bound to {did}");
            cloud.Console.Options.Boards.Set(did, sim.BaseAddress);
            Say($"The web console: {cloud.ConsoleAddress} (sign in as {userName} / {DemoPassword}; the board panel drives this board)");

            var appOptions = new AppClientOptions { Host = cloud.MqttEndpoint.Address.ToString(), Port = cloud.MqttEndpoint.Port, AppId = AppId, Uid = session.Uid, Token = session.Token };
            await using AppClient app = await AppClient.ConnectAsync(appOptions, new[] { new KeyValuePair<string, Product?>(did, product) }, null, stop).ConfigureAwait(false);
            Say($"  the App is on M2M as {app.ClientId}; from here on, ⇒ is App → device and ⇐ is what came back");
            using var printing = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Task printer = PrintEventsAsync(app, printing.Token);

            Say("1. Relay on (0x0093 write, waits for the 0x0094 with the same sn)");
            await WriteAsync(app, product, did, "Relay", 1, stop).ConfigureAwait(false);
            Say($"   pins: GPIO{relayPin} (Relay) is {Level(await sim.LevelAsync(relayPin, stop).ConfigureAwait(false))}");

            Say($"2. The button on GPIO{buttonPin} is pressed and released on the board: the device broadcasts at once");
            // Held until the device has reported it: a press shorter than the debounce (or than a busy machine's
            // scheduling delay) is, rightly, no press.
            await sim.PressAsync(buttonPin, stop).ConfigureAwait(false);
            await StatusAsync(s => Equals(s.Values.GetValueOrDefault("Button"), true), "Button=true", stop).ConfigureAwait(false);
            await sim.ReleaseAsync(buttonPin, stop).ConfigureAwait(false);
            await StatusAsync(s => Equals(s.Values.GetValueOrDefault("Button"), false), "Button=false", stop).ConfigureAwait(false);

            Say("3. It gets hot: 45 °C on the simulated SHT3x; the next poll (every 2 s) sets Alert_Over_Temperature");
            await sim.SetClimateAsync(45, 35, stop).ConfigureAwait(false);
            await StatusAsync(s => Equals(s.Values.GetValueOrDefault("Alert_Over_Temperature"), true), "Alert_Over_Temperature=true", stop).ConfigureAwait(false);

            Say("4. Log level Info and the indicator LED off (0x0010, waits for the 0x0011)");
            output.WriteLine("   ⇒ 0x0010 log level 3 (Info), LED off");
            await app.SendSettingsAsync(did, ProtocolLogLevel.Info, false, stop).ConfigureAwait(false);
            Say($"   pins: GPIO{indicatorPin} (indicator LED) is {Level(await sim.LevelAsync(indicatorPin, stop).ConfigureAwait(false))}");

            Say("5. Relay off again");
            await WriteAsync(app, product, did, "Relay", 0, stop).ConfigureAwait(false);
            Say($"   pins: GPIO{relayPin} (Relay) is {Level(await sim.LevelAsync(relayPin, stop).ConfigureAwait(false))}");
            await Task.Delay(300, stop).ConfigureAwait(false);

            if (!options.NoWait)
            {
                string gizctl = "dotnet " + Path.Combine(AppContext.BaseDirectory, "gizctl.dll");
                Say($"The loop is up. Open the web console: {cloud.ConsoleAddress}  (user {userName}, password {DemoPassword})");
                output.WriteLine("   Or, from another terminal:");
                output.WriteLine($"   export GIZCTL_SESSION={sessionFile}");
                output.WriteLine($"   {gizctl} app send --did {did} --write Relay=true --sn");
                output.WriteLine($"   {gizctl} app send --did {did} --read");
                output.WriteLine($"   {gizctl} app watch --did {did}");
                output.WriteLine($"   curl -s -H 'Content-Type: application/json' -d '' {sim.BaseAddress}pins/{buttonPin}/press     # the button");
                output.WriteLine($"   curl -s -H 'Content-Type: application/json' -X PUT -d '{{\"temperature\": 20}}' {sim.BaseAddress}sensor");
                output.WriteLine($"   mosquitto_sub -h {cloud.MqttEndpoint.Address} -p {cloud.MqttEndpoint.Port} -i usrMyApp1 -u '2${AppId}${session.Uid}' -P \"$(sed -E 's/.*\"token\":\"([^\"]*)\".*/\\1/' {sessionFile})\" -t dev2app/{did} -F '%t %x'");
                Say("Ctrl+C stops everything (the firmware drives its outputs safe and the App sees it go offline).");
                try
                {
                    await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C.
                }
            }

            Say("Stopping the firmware (SIGTERM)");
            await firmware.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await Task.Delay(500, CancellationToken.None).ConfigureAwait(false);
            await printing.CancelAsync().ConfigureAwait(false);
            await printer.ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        finally
        {
            if (options.Folder is null && options.NoWait) TryDelete(folder);
        }
    }

    // The well-known ports make the instructions stable; when one is taken (a real broker on 1883), any free port will do.
    private IPEndPoint Free(IPEndPoint wanted)
    {
        if (wanted.Port == 0) return wanted;
        try
        {
            var probe = new TcpListener(wanted);
            probe.Start();
            probe.Stop();
            return wanted;
        }
        catch (SocketException)
        {
            Say($"  port {wanted.Port} is taken; using a free one");
            return new IPEndPoint(wanted.Address, 0);
        }
    }

    private static string Level(bool high) => high ? "high" : "low";

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleaning.
        }
    }

    private async Task WriteAsync(AppClient app, Product product, string did, string point, long raw, CancellationToken stop)
    {
        var values = new DataPointValues(product);
        var flagged = new bool[product.Points.Length];
        int id = product.Find(point).Id;
        values.Set(id, raw);
        flagged[id] = true;
        byte[] p0 = new byte[product.MaxMessageSize];
        P0Writer.WriteWrite(values, flagged, p0, 0, out int length);
        lock (writeGate) output.WriteLine($"   ⇒ 0x0093 P0 {Convert.ToHexString(p0, 0, length).ToLowerInvariant()} (write {point}={raw})");
        DeviceStatusEvent reply = await app.SendWriteWithReplyAsync(did, values, flagged, stop).ConfigureAwait(false);
        string shown = reply.Values[point] is bool on ? (on ? "true" : "false") : Convert.ToString(reply.Values[point], CultureInfo.InvariantCulture)!;
        lock (writeGate) output.WriteLine($"   ⇐ 0x0094 sn {reply.Sn}: {point}={shown}");
    }

    // Waits for a status broadcast seen since the last call (the printer records them), at most 15 s.
    private async Task StatusAsync(Func<DeviceStatusEvent, bool> match, string what, CancellationToken stop)
    {
        DateTime give = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            while (broadcasts.TryDequeue(out DeviceStatusEvent? status))
            {
                if (match(status)) return;
            }

            if (DateTime.UtcNow > give) throw new TimeoutException($"the device did not report {what} within 15 s");
            await Task.Delay(20, stop).ConfigureAwait(false);
        }
    }

    private async Task PrintEventsAsync(AppClient app, CancellationToken cancel)
    {
        try
        {
            await foreach (AppEvent e in app.ReadEventsAsync(cancel).ConfigureAwait(false))
            {
                if (e is DeviceStatusEvent { Sn: not null }) continue; // replies are printed by the step that asked
                if (e is DeviceStatusEvent broadcast) broadcasts.Enqueue(broadcast);
                string wire = e is DeviceStatusEvent status ? $" [P0 {Convert.ToHexString(status.P0).ToLowerInvariant()}]" : "";
                lock (writeGate) output.WriteLine($"   ⇐ {AppEventText.Line(e)}{wire}");
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Say(string text)
    {
        lock (writeGate) output.WriteLine(text.StartsWith(' ') ? text : "\n== " + text);
    }
}
