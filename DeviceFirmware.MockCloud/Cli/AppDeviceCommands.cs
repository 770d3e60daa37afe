using System;
using System.CommandLine;
using System.Globalization;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.P0;
using ProtocolLogLevel = DeviceFirmware.Protocol.LogLevel;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary><c>gizctl app send</c> (0x0090 / 0x0093 business data) and <c>gizctl app settings</c> (0x0010).</summary>
internal static class AppDeviceCommands
{
    public static Command Send(AppCli cli)
    {
        var device = new AppDeviceOptions();
        var write = new Option<string[]>("--write")
        {
            Description = "data points to write as Name=value in shown values (bool true/false, enum label or index, numbers in their units): --write Relay=true --write LED_R=100",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var read = new Option<bool>("--read") { Description = "read the device's status (0x0093 with a P0 read) and print the decoded 0x0094" };
        var sn = new Option<bool>("--sn") { Description = "send the write as 0x0093 with an sn and print the device's 0x0094 (default: 0x0090, no answer awaited)" };
        var command = new Command("send", "send business data to a device: a P0 write (--write …) or a read (--read)") { write, read, sn };
        device.AddTo(command);
        cli.SetAction(command, async (result, cancel) =>
        {
            string[] writes = result.GetValue(write) ?? [];
            bool reading = result.GetValue(read);
            if (reading == (writes.Length > 0)) throw new AppCliException(ExitCodes.Error, "give --write Name=value (repeatable) or --read");
            if (reading && result.GetValue(sn)) throw new AppCliException(ExitCodes.Error, "--read always uses 0x0093; --sn is for --write");

            AppTarget target = await device.ResolveAsync(cli, result, productRequired: !reading, cancel).ConfigureAwait(false);
            byte[]? p0 = null;
            if (!reading)
            {
                string encoded = P0Encode.Encode(target.Product!, writes, false, false, out int exit);
                if (exit != ExitCodes.Ok) throw new AppCliException(ExitCodes.Error, encoded);
                p0 = Convert.FromHexString(encoded);
            }

            await using AppClient app = await target.ConnectAsync(cancel).ConfigureAwait(false);
            string did = target.Binding.Did;
            if (reading)
            {
                cli.Out.WriteLine(AppEventText.StatusJson(await app.SendReadAsync(did, cancel).ConfigureAwait(false)));
            }
            else if (result.GetValue(sn))
            {
                cli.Out.WriteLine(AppEventText.StatusJson(await app.RequestAsync(did, p0!, cancel).ConfigureAwait(false)));
            }
            else
            {
                await app.SendBusinessAsync(did, p0!, cancel).ConfigureAwait(false);
                cli.Out.WriteLine($"sent 0x0090 to {did}: {string.Join(' ', writes)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Settings(AppCli cli)
    {
        var device = new AppDeviceOptions();
        var level = new Option<string>("--log-level") { Description = "the device's 0x0012 log threshold: 0 off, 1 error, 2 warning, 3 info (number or name)", Required = true };
        var led = new Option<string>("--led") { Description = "the indicator LED: on or off", Required = true };
        var command = new Command("settings", "set a device's log level and indicator LED (0x0010) and wait for its 0x0011") { level, led };
        device.AddTo(command);
        cli.SetAction(command, async (result, cancel) =>
        {
            ProtocolLogLevel threshold = ParseLevel(result.GetRequiredValue(level));
            bool on = ParseLed(result.GetRequiredValue(led));
            AppTarget target = await device.ResolveAsync(cli, result, productRequired: false, cancel).ConfigureAwait(false);
            await using AppClient app = await target.ConnectAsync(cancel).ConfigureAwait(false);
            await app.SendSettingsAsync(target.Binding.Did, threshold, on, cancel).ConfigureAwait(false);
            cli.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "settings applied on {0}: log level {1} ({2}), indicator LED {3}", target.Binding.Did, (int)threshold, threshold, on ? "on" : "off"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>0–3 or off/error/warning/info.</summary>
    internal static ProtocolLogLevel ParseLevel(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number is >= 0 and <= 3) return (ProtocolLogLevel)number;
        foreach (ProtocolLogLevel named in Enum.GetValues<ProtocolLogLevel>())
        {
            if (string.Equals(named.ToString(), text, StringComparison.OrdinalIgnoreCase)) return named;
        }

        throw new AppCliException(ExitCodes.Error, $"--log-level '{text}' is not 0-3 or off, error, warning, info");
    }

    private static bool ParseLed(string text) => text.ToUpperInvariant() switch
    {
        "ON" or "1" or "TRUE" => true,
        "OFF" or "0" or "FALSE" => false,
        _ => throw new AppCliException(ExitCodes.Error, $"--led '{text}' is not on or off"),
    };
}
