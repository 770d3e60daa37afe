using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.Hil;
using DeviceFirmware.Tests.Interop;
using DeviceFirmware.Tests.MockCloud.Cli;
using DeviceFirmware.Tests.MockCloud.M2m;
using DeviceFirmware.Tests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DeviceFirmware.Tests.MockCloud.WebConsole
{
    /// <summary>
    /// The web console in a real browser (Debian's chromium through Playwright) against a real mock cloud process and a
    /// firmware process on the simulated board, whose control API the cloud was told (<c>cloud serve --sim-control</c>).
    /// </summary>
    [Collection(HilCollection.Name)]
    public class ConsoleScenarioTests
    {
        private readonly ITestOutputHelper output;

        public ConsoleScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task A_user_registers_binds_signs_in_and_watches_and_drives_the_device_live()
        {
            int simPort = FreePort.Next();
            await using HilWorld world = HilWorld.StartWith(output, "127.0.0.1", "--sim-control", "127.0.0.1:" + simPort);
            HilFirmware device = world.StartFirmwareOnSimPort(simPort);
            (int relayPin, int indicatorPin) = SimControl.Pins();
            int buttonPin = HilCommands.InputPin("Button");
            string console = world.Cloud.Console!.ToString();
            await using ConsoleBrowser browser = await ConsoleBrowser.LaunchAsync();
            IPage page = await browser.NewPageAsync(name: "alice");

            await ConsoleBrowser.StepAsync(page, "register-bind-sign-in", async () =>
            {
                await page.GotoAsync(console);
                await page.GetByLabel("User name").FillAsync("alice");
                await page.GetByLabel("Password").FillAsync("alice-password-1");
                await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your devices" })).ToBeVisibleAsync();
                await page.GetByLabel("DID").FillAsync(device.Did);
                await page.GetByLabel("Passcode").FillAsync(device.Passcode);
                await page.GetByRole(AriaRole.Button, new() { Name = "Bind" }).ClickAsync();
                await Expect(page.Locator($"li[data-did='{device.Did}'] [data-online]")).ToHaveAttributeAsync("data-online", "true");

                await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
                await page.GetByLabel("User name").FillAsync("alice");
                await page.GetByLabel("Password").FillAsync("alice-password-1");
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                ILocator listed = page.Locator($"li[data-did='{device.Did}']");
                await Expect(listed.Locator("[data-online]")).ToHaveAttributeAsync("data-online", "true");
                await Expect(listed).ToContainTextAsync("GoKit Reference");
                await listed.GetByRole(AriaRole.Link).ClickAsync();
                await Expect(page.Locator("[data-point='Relay']")).ToHaveAttributeAsync("data-value", "false");
            });

            await ConsoleBrowser.StepAsync(page, "relay", async () =>
            {
                ILocator relay = page.GetByRole(AriaRole.Switch, new() { Name = "Relay", Exact = true });
                await Expect(relay).Not.ToBeCheckedAsync();
                await relay.ClickAsync();
                await device.Sim.WaitForLevelAsync(relayPin, true, "GPIO17 (Relay) high after the switch");
                await Expect(relay).ToBeCheckedAsync();
                await Expect(relay).ToBeEnabledAsync();
                await Expect(page.Locator("[data-point='Relay']")).ToHaveAttributeAsync("data-value", "true");
                await Expect(page.Locator("[data-rtt]")).ToContainTextAsync(new Regex(@"0x0094 sn \d+ in [\d.]+ ms"));
            });

            await ConsoleBrowser.StepAsync(page, "button", async () =>
            {
                // A deadline on an event (Playwright's auto-wait), not a measurement: the broadcast must reach the page within 1 s.
                await device.Sim.PressAsync(buttonPin);
                await Expect(page.Locator("[data-point='Button']")).ToHaveAttributeAsync("data-value", "true", new() { Timeout = 1000 });

                // The board panel's own Release button, relayed by the cloud to the board.
                await page.GetByRole(AriaRole.Button, new() { Name = $"Release GPIO{buttonPin}" }).ClickAsync();
                await Expect(page.Locator("[data-point='Button']")).ToHaveAttributeAsync("data-value", "false");
            });

            await ConsoleBrowser.StepAsync(page, "alert", async () =>
            {
                await page.GetByLabel("Temperature (°C)").FillAsync("45");
                await page.GetByRole(AriaRole.Button, new() { Name = "Set sensor" }).ClickAsync();
                await Expect(page.Locator("[data-point='Alert_Over_Temperature']")).ToHaveAttributeAsync("data-value", "true");
                await Expect(page.Locator("[data-point='Temperature']")).ToHaveAttributeAsync("data-value", "45");
                await Expect(page.Locator("section.point:has([data-point='Alert_Over_Temperature'])")).ToHaveClassAsync(new Regex(@"\braised\b"));
            });

            await ConsoleBrowser.StepAsync(page, "settings", async () =>
            {
                Assert.True(await device.Sim.LevelAsync(indicatorPin), "the indicator LED is on while connected");
                await page.GetByLabel("Log level").SelectOptionAsync("3");
                await page.GetByRole(AriaRole.Switch, new() { Name = "Indicator LED" }).UncheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Apply settings" }).ClickAsync();
                await Expect(page.Locator("[data-settings]")).ToContainTextAsync("0x0011 confirmed");
                await Expect(page.Locator("[data-settings]")).ToHaveAttributeAsync("data-settings", "3,false");
                await device.Sim.WaitForLevelAsync(indicatorPin, false, "GPIO25 (indicator LED) dark after 0x0010");
            });

            await ConsoleBrowser.StepAsync(page, "frame-log", async () =>
            {
                // Another App of the same user puts a malformed frame on the wire (0x0010 whose length says 5 but holds 4).
                using var gservice = new GServiceClient(world.Cloud.GService, HilWorld.AppId);
                AppSession alice = await gservice.LoginAsync("alice", "alice-password-1");
                await using TestClient raw = await TestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, world.Cloud.MqttPort), "usrRawFrames1", $"2${HilWorld.AppId}${alice.Uid}", alice.Token);
                await raw.PublishAsync($"app2dev/{device.Did}/usrRawFrames1", Convert.FromHexString("0000000305000010"));
                ILocator malformed = page.Locator("li.frame.malformed");
                await Expect(malformed.First).ToContainTextAsync("VarLenMismatch at offset 4");
                await Expect(malformed.First).ToContainTextAsync("0000000305000010");
                await Expect(malformed.First.Locator("pre.decoded")).ToHaveTextAsync(CliRunner.Run("frame", "decode", "0000000305000010").Line);
                await Expect(page.Locator("li.frame[data-command='0x0093']").First).ToContainTextAsync("\"action\":\"0x01\"");
                await Expect(page.Locator("li.frame[data-command='0x0094']").First).ToContainTextAsync("\"Relay\":true");

                // The filter shows one command only.
                await page.GetByLabel("Filter by command").SelectOptionAsync("malformed");
                await Expect(page.Locator("li.frame[data-command='0x0094']").First).ToBeHiddenAsync();
                await Expect(malformed.First).ToBeVisibleAsync();
                await page.GetByLabel("Filter by command").SelectOptionAsync(string.Empty);

                // The firmware refused it and said so in a 0x0012 Warning (log level Info now lets it through).
                await Expect(page.Locator(".logs li[data-level='Warning']").First).ToBeVisibleAsync();
                await Expect(page.Locator(".legend")).ToContainTextAsync("Temperature: 45");
            });

            await ConsoleBrowser.StepAsync(page, "values-as-p0-decode", async () =>
            {
                // Every data-value reads exactly as `gizctl p0 decode` prints the last status frame the page logged.
                string hex = await page.Locator("li.frame[data-command='0x0091'], li.frame[data-command='0x0094']").First.Locator("code.hex").InnerTextAsync();
                JsonElement decoded = CliRunner.Run("frame", "decode", hex).Json();
                JsonElement values = CliRunner.Run("p0", "decode", "--product", RepoPaths.Product("gokit"), decoded.GetProperty("body").GetString()!).Json().GetProperty("values");
                foreach (JsonProperty point in values.EnumerateObject())
                {
                    string printed = point.Value.ValueKind == JsonValueKind.String ? point.Value.GetString()! : point.Value.GetRawText();
                    await Expect(page.Locator($"[data-point='{point.Name}']")).ToHaveAttributeAsync("data-value", printed);
                }
            });

            Directory.CreateDirectory(ConsoleBrowser.ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowser.ScreenshotFolder, "console-device.png"), FullPage = true });

            await ConsoleBrowser.StepAsync(page, "narrow", async () =>
            {
                await page.SetViewportSizeAsync(390, 844);
                await page.ReloadAsync();
                await Expect(page.Locator("[data-point='Relay']")).ToHaveAttributeAsync("data-value", "true");
                await Expect(page.Locator("table.pins tr[data-pin]").First).ToBeVisibleAsync();
                Assert.True(await FitsAsync(page), "the device page scrolls sideways at 390 px");
                await page.GotoAsync(console);
                await Expect(page.Locator($"li[data-did='{device.Did}']")).ToBeVisibleAsync();
                Assert.True(await FitsAsync(page), "the device list scrolls sideways at 390 px");
            });

            await ConsoleBrowser.StepAsync(page, "offline", async () =>
            {
                // The 0x0092 of a device going away reaches the open list without a reload.
                await Expect(page.Locator($"li[data-did='{device.Did}'] [data-online]")).ToHaveAttributeAsync("data-online", "true");
                Assert.Equal(0, device.Terminate());
                await Expect(page.Locator($"li[data-did='{device.Did}'] [data-online]")).ToHaveAttributeAsync("data-online", "false");
            });

            browser.AssertNoScriptErrors();
        }

        [Fact]
        public async Task Another_user_neither_sees_the_device_nor_drives_it_by_URL()
        {
            int simPort = FreePort.Next();
            await using HilWorld world = HilWorld.StartWith(output, "127.0.0.1", "--sim-control", "127.0.0.1:" + simPort);
            HilFirmware device = world.StartFirmwareOnSimPort(simPort);
            (int relayPin, _) = SimControl.Pins();
            await world.UserAsync("alice", device);
            await world.UserAsync("bob");
            string console = world.Cloud.Console!.ToString();
            await using ConsoleBrowser browser = await ConsoleBrowser.LaunchAsync();
            IPage page = await browser.NewPageAsync(name: "bob");

            await ConsoleBrowser.StepAsync(page, "other-user", async () =>
            {
                await page.GotoAsync(console);
                await page.GetByLabel("User name").FillAsync("bob");
                await page.GetByLabel("Password").FillAsync("bob-password-1");
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your devices" })).ToBeVisibleAsync();
                await Expect(page.GetByText("No devices yet")).ToBeVisibleAsync();
                await Expect(page.Locator($"li[data-did='{device.Did}']")).ToHaveCountAsync(0);

                // The session is an HttpOnly, SameSite=Strict cookie: the page's script cannot read it.
                Assert.Equal(string.Empty, await page.EvaluateAsync<string>("document.cookie"));
                BrowserContextCookiesResult cookie = Assert.Single(await page.Context.CookiesAsync());
                Assert.True(cookie.HttpOnly);
                Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

                IResponse? direct = await page.GotoAsync($"{console}/devices/{device.Did}");
                Assert.Equal(404, direct!.Status);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Device not found" })).ToBeVisibleAsync();
                await Expect(page.Locator("[data-point]")).ToHaveCountAsync(0);

                const string Post = @"async ([path, body, csrf]) => {
                    const me = await (await fetch('/console/api/me')).json();
                    const headers = { 'Content-Type': 'application/json' };
                    if (csrf) headers['X-Console-Csrf'] = me.csrf;
                    const r = await fetch('/console/api' + path, { method: 'POST', headers, body });
                    return r.status;
                }";
                string did = Uri.EscapeDataString(device.Did);
                Assert.Equal(404, await page.EvaluateAsync<int>(Post, new object[] { $"/devices/{did}/write", "{\"values\":{\"Relay\":\"true\"}}", true }));
                Assert.Equal(404, await page.EvaluateAsync<int>(Post, new object[] { $"/devices/{did}/read", "{}", true }));
                Assert.Equal(404, await page.EvaluateAsync<int>(Post, new object[] { $"/devices/{did}/board/sensor/fail", "{}", true }));
                Assert.Equal(404, await page.EvaluateAsync<int>("async (p) => (await fetch(p)).status", $"/console/api/devices/{did}/events"));

                // Without the anti-CSRF token nothing changes either.
                Assert.Equal(403, await page.EvaluateAsync<int>(Post, new object[] { "/bindings", $"{{\"did\":\"{device.Did}\",\"passcode\":\"{device.Passcode}\"}}", false }));
                Assert.False(await device.Sim.LevelAsync(relayPin), "the relay moved for a user not bound to the device");
            });

            // The 404 and 403 answers above are the point of the test; the browser reports each as a failed load.
            browser.AssertNoScriptErrors("status of 404", "status of 403");
        }

        private static Task<bool> FitsAsync(IPage page) =>
            page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth && document.body.scrollWidth <= document.documentElement.clientWidth");
    }
}
