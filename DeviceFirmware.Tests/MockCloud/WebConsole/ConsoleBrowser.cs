using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.WebConsole
{
    /// <summary>
    /// Debian's chromium driven by Playwright (its own browser download cannot work here; <c>test.sh</c> installs
    /// chromium with apt). Every page's uncaught script errors and console errors are collected; a failing step saves
    /// a screenshot under the test output's <c>console-screenshots/</c>.
    /// </summary>
    internal sealed class ConsoleBrowser : IAsyncDisposable
    {
        public const string Chromium = "/usr/bin/chromium";
        private readonly IPlaywright playwright;
        private readonly IBrowser browser;
        private readonly ConcurrentQueue<string> errors = new();
        private readonly List<IBrowserContext> contexts = new();

        private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
        {
            this.playwright = playwright;
            this.browser = browser;
        }

        /// <summary>Where screenshots go (beside the test assembly).</summary>
        public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "console-screenshots");

        /// <summary>Script errors and console errors of every page so far.</summary>
        public string[] Errors => errors.ToArray();

        public static async Task<ConsoleBrowser> LaunchAsync()
        {
            Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./test.sh installs Debian's chromium (apt-get install chromium)");
            IPlaywright playwright = await Playwright.CreateAsync();
            try
            {
                // Playwright gives every launch a fresh temporary user-data-dir of its own.
                IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Chromium,
                    Headless = true,
                    Args = new[]
                    {
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                    },
                    Timeout = 60_000,
                });
                return new ConsoleBrowser(playwright, browser);
            }
            catch
            {
                playwright.Dispose();
                throw;
            }
        }

        /// <summary>A page in a browser context of its own (its own cookies: one user), <paramref name="width"/> CSS pixels wide.</summary>
        public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string name = "page")
        {
            IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            contexts.Add(context);
            context.SetDefaultTimeout(15_000);
            IPage page = await context.NewPageAsync();
            page.PageError += (_, message) => errors.Enqueue($"{name}: uncaught: {message}");
            page.Console += (_, message) =>
            {
                if (message.Type == "error") errors.Enqueue($"{name}: console.error: {message.Text}");
            };
            return page;
        }

        /// <summary>Runs <paramref name="step"/>; when it throws, saves a full-page screenshot of <paramref name="page"/> as <paramref name="name"/>.png first.</summary>
        public static async Task StepAsync(IPage page, string name, Func<Task> step)
        {
            try
            {
                await step();
            }
            catch
            {
                Directory.CreateDirectory(ScreenshotFolder);
                try
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + "-failed.png"), FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // The page itself is gone; the original failure matters more.
                }

                throw;
            }
        }

        /// <summary>Fails when any page had a script error (except the ones <paramref name="allowed"/> names, matched by substring).</summary>
        public void AssertNoScriptErrors(params string[] allowed)
        {
            string[] unexpected = Errors.Where(e => !allowed.Any(a => e.Contains(a, StringComparison.Ordinal))).ToArray();
            Assert.True(unexpected.Length == 0, "script errors in the page:\n" + string.Join("\n", unexpected));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (IBrowserContext context in contexts) await context.CloseAsync();
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
