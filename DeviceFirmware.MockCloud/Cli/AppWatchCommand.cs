using System;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>
/// <c>gizctl app watch --did D</c>: a live stream of what the device sends (status, logs, online/offline), one
/// readable line each (or JSON with <c>--json</c>), until Ctrl+C, <c>--count N</c> events or <c>--seconds S</c>.
/// </summary>
internal static class AppWatchCommand
{
    public static Command Create(AppCli cli)
    {
        var device = new AppDeviceOptions();
        var count = new Option<int?>("--count") { Description = "stop after this many device events (with --seconds: exit 5 if they do not all come in time)" };
        var seconds = new Option<double?>("--seconds") { Description = "stop after this many seconds" };
        var json = new Option<bool>("--json") { Description = "one JSON object per line instead of readable lines" };
        var command = new Command("watch", "print the device's status, logs and online/offline changes as they come, until Ctrl+C (or --count / --seconds)") { count, seconds, json };
        device.AddTo(command);
        cli.SetAction(command, async (result, cancel) =>
        {
            int? wanted = result.GetValue(count);
            double? limit = result.GetValue(seconds);
            if (wanted is <= 0) throw new AppCliException(ExitCodes.Error, "--count must be at least 1");
            if (limit is not null && !(limit > 0)) throw new AppCliException(ExitCodes.Error, "--seconds must be more than 0");
            bool asJson = result.GetValue(json);

            AppTarget target = await device.ResolveAsync(cli, result, productRequired: false, cancel).ConfigureAwait(false);
            if (target.Product == null) cli.Err.WriteLine($"warning: no product file for product_key {target.Binding.ProductKey}: business data is shown as hex (give --product FILE)");
            await using AppClient app = await target.ConnectAsync(cancel).ConfigureAwait(false);
            cli.Err.WriteLine($"watching {target.Binding.Did} on M2M {app.Address} as {app.ClientId} ({(target.Binding.IsOnline ? "online" : "offline")}; Ctrl+C to stop)");

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            if (limit is double s) stop.CancelAfter(TimeSpan.FromSeconds(s));
            int seen = 0;
            try
            {
                await foreach (AppEvent e in app.ReadEventsAsync(stop.Token).ConfigureAwait(false))
                {
                    if (e is SessionChangedEvent session)
                    {
                        // The first connection is the line above; later ones are news.
                        if (!session.Connected || session.Connections > 1) cli.Err.WriteLine(AppEventText.Line(e));
                        continue;
                    }

                    cli.Out.WriteLine(asJson ? AppEventText.Json(e) : AppEventText.Line(e));
                    cli.Out.Flush();
                    if (wanted is int n && ++seen >= n) return ExitCodes.Ok;
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or --seconds: the normal end of a watch.
            }

            if (wanted is int expected && limit is double elapsed && !cancel.IsCancellationRequested)
            {
                throw new AppCliException(ExitCodes.Timeout, string.Format(CultureInfo.InvariantCulture, "saw {0} of {1} events in {2} s", seen, expected, elapsed));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
