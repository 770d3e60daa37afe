using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    /// <summary>Keeps every log line (message, structured values, exception, scopes) at every level.</summary>
    internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Category, LogLevel Level, EventId Id, string Text)> Lines { get; } = new ConcurrentQueue<(string, LogLevel, EventId, string)>();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger : ILogger
        {
            private readonly CapturingLoggerProvider owner;
            private readonly string category;

            public Logger(CapturingLoggerProvider owner, string category)
            {
                this.owner = owner;
                this.category = category;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new StringBuilder(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (KeyValuePair<string, object?> pair in values) text.Append(" | ").Append(pair.Key).Append('=').Append(pair.Value);
                }

                if (exception != null) text.Append(" | ").Append(exception);
                owner.scopes.ForEachScope((scope, sb) => sb.Append(" | scope=").Append(scope), text);
                owner.Lines.Enqueue((category, logLevel, eventId, text.ToString()));
            }
        }
    }

    public class GServiceLoggingTests
    {
        [Fact]
        public async Task A_client_chosen_path_and_form_key_are_logged_escaped_and_cut()
        {
            var provider = new CapturingLoggerProvider();
            using ILoggerFactory loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
            await using (TestCloud cloud = await TestCloud.StartAsync(loggers))
            {
                // A repeated form key is named in the refusal's detail; this one holds CR, LF, ESC and 2,000 characters.
                string key = "k%0D%0Aforged%1B%07" + new string('x', 2000);
                var request = new HttpRequestMessage(HttpMethod.Post, "/dev/devices")
                {
                    Content = new StringContent($"{key}=1&{key}=2", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
                };
                (await cloud.SendAsync(request)).AssertError(400, 9015);
            }

            string refused = provider.Lines.Select(l => l.Text).Single(t => t.Contains("refused with 9015", StringComparison.Ordinal));
            Assert.DoesNotContain(refused, c => c is '\r' or '\n' or '\u001b' or '\u0007');
            Assert.Contains("k\\x0d\\x0aforged\\x1b\\x07", refused, StringComparison.Ordinal);
            Assert.True(refused.Length < 1000, $"a log line of {refused.Length} characters");
        }

        [Fact]
        public async Task Every_account_and_device_action_is_logged_without_any_password_token_or_passcode()
        {
            var provider = new CapturingLoggerProvider();
            using ILoggerFactory loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
            var secrets = new List<string>();
            string uid;
            string did;
            await using (TestCloud cloud = await TestCloud.StartAsync(loggers))
            {
                const string password = "Hunter2-password";
                const string passcode = "SECRETPASSCODE";
                secrets.Add(password);
                secrets.Add(passcode);

                Reply register = await cloud.PostJsonAsync("/app/users", new { username = "alice", password });
                uid = register.Json().GetProperty("uid").GetString()!;
                secrets.Add(register.Json().GetProperty("token").GetString()!);
                Reply login = await cloud.PostJsonAsync("/app/login", new { username = "alice", password });
                string token = login.Json().GetProperty("token").GetString()!;
                secrets.Add(token);
                Reply anonymous = await cloud.PostJsonAsync("/app/users", new { phone_id = "phone-1-0123456789" });
                secrets.Add(anonymous.Json().GetProperty("token").GetString()!);
                (await cloud.PostJsonAsync("/app/login", new { username = "alice", password = password + "-wrong" })).AssertError(400, 9020);
                secrets.Add(password + "-wrong");

                did = await cloud.RegisterDeviceAsync("a0b1c2d3e4f5", passcode);
                Reply generated = await cloud.PostFormAsync("/dev/devices", ("product_key", TestCloud.ProductKey), ("mac", "other-mac"));
                secrets.Add(cloud.Store.GetDevice(generated.Text.Substring(4))!.Passcode);
                await cloud.GetAsync("/dev/devices/" + did);
                await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode }), token: token);
                await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = passcode + "X" }), token: token);
                secrets.Add(passcode + "X");
                await cloud.GetAsync("/app/bindings", token: token);
                await cloud.SendJsonAsync(HttpMethod.Delete, "/app/bindings", TestCloud.Devices(new { did }), token: token);
                await cloud.GetAsync("/app/bindings", token: "bogus-token-0123456789");
                secrets.Add("bogus-token-0123456789");
            }

            string[] lines = provider.Lines.Select(l => l.Text).ToArray();
            string all = string.Join("\n", lines);
            Assert.NotEmpty(lines);
            foreach (string secret in secrets) Assert.DoesNotContain(secret, all, StringComparison.Ordinal);

            // And the actions are there, by uid and DID.
            var ours = provider.Lines.Where(l => l.Category == DeviceFirmware.MockCloud.GService.GServiceApi.LogCategory).Select(l => l.Text).ToArray();
            Assert.Contains(ours, l => l.Contains($"User {uid} registered", StringComparison.Ordinal));
            Assert.Contains(ours, l => l.Contains($"User {uid} logged in", StringComparison.Ordinal));
            Assert.Contains(ours, l => l.Contains("Login refused", StringComparison.Ordinal));
            Assert.Contains(ours, l => l.Contains($"Device {did} registered", StringComparison.Ordinal));
            Assert.Contains(ours, l => l.Contains($"Device {did} provisioned", StringComparison.Ordinal));
            Assert.Contains(ours, l => l.Contains($"User {uid} bound device {did}", StringComparison.Ordinal));
            Assert.Contains(ours, l => l.Contains($"could not bind device {did}: wrong passcode", StringComparison.Ordinal));
            Assert.Contains(ours, l => l.Contains($"User {uid} unbound device {did}", StringComparison.Ordinal));
            Assert.Contains(ours, l => l.Contains("refused with 9004", StringComparison.Ordinal));
            Assert.Contains(ours, l => l.Contains(TestCloud.AppId, StringComparison.Ordinal));
        }
    }
}
