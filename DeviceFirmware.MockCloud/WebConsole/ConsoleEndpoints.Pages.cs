using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>The console's one page, for <c>/console</c> and <c>/console/devices/{did}</c>.</summary>
internal sealed partial class ConsoleEndpoints
{
    private Task PageAsync(HttpContext context) => ConsoleAssets.WriteAsync(context, "index.html", StatusCodes.Status200OK);

    /// <summary>
    /// A device's page: 404 (the page then says so) when a signed-in user is not bound to the device, so a direct URL
    /// shows nothing of someone else's device; signed out, the page asks to sign in first.
    /// </summary>
    private async Task DevicePageAsync(HttpContext context)
    {
        ConsoleSession? session = FindSession(context);
        int status = StatusCodes.Status200OK;
        if (session != null)
        {
            try
            {
                await RequireBoundAsync(context, session, RouteText(context, "did")).ConfigureAwait(false);
            }
            catch (ConsoleProblem problem) when (problem.Status == StatusCodes.Status404NotFound)
            {
                status = StatusCodes.Status404NotFound;
            }
        }

        await ConsoleAssets.WriteAsync(context, "index.html", status).ConfigureAwait(false);
    }
}
