using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Store
{
    public class CloudStoreTests
    {
        private readonly ManualTimeProvider clock = new ManualTimeProvider();

        [Fact]
        public void Applications_and_products_are_known_once_added()
        {
            using CloudStore store = StoreFactory.Open(clock);
            Assert.True(store.IsApplication(StoreFactory.AppId));
            Assert.False(store.IsApplication("other"));
            Assert.False(store.IsApplication(""));
            Assert.True(store.IsProduct(StoreFactory.ProductKey));
            Assert.False(store.IsProduct("nope"));
            store.AddApplication(StoreFactory.AppId); // idempotent
            Assert.True(store.IsApplication(StoreFactory.AppId));
        }

        [Fact]
        public void AddProduct_takes_the_key_from_a_product_json()
        {
            using CloudStore store = StoreFactory.Open(clock);
            Product gokit = P0TestData.GoKit();
            Assert.False(string.IsNullOrEmpty(gokit.ProductKey));
            Assert.False(store.IsProduct(gokit.ProductKey));
            store.AddProduct(gokit);
            Assert.True(store.IsProduct(gokit.ProductKey));
        }

        [Fact]
        public void A_registered_user_logs_in_and_every_token_stays_valid()
        {
            using CloudStore store = StoreFactory.Open(clock);
            Assert.True(store.TryRegisterUser("alice", "s3cret", out UserSession? first));
            Assert.Matches("^[0-9a-f]{32}$", first!.Token);
            Assert.Equal(clock.GetUtcNow() + TimeSpan.FromDays(7), first.ExpireAt);

            Assert.Equal(LoginOutcome.LoggedIn, store.Login("alice", "s3cret", out UserSession? second));
            Assert.Equal(first.Uid, second!.Uid);
            Assert.NotEqual(first.Token, second.Token);
            Assert.True(store.IsValidToken(first.Uid, first.Token));
            Assert.True(store.IsValidToken(first.Uid, second.Token));
            Assert.False(store.IsValidToken("someone-else", first.Token));
        }

        [Fact]
        public void Login_tells_an_unknown_user_from_a_wrong_password()
        {
            using CloudStore store = StoreFactory.Open(clock);
            Assert.True(store.TryRegisterUser("bob@example.com", "pw", out _));
            Assert.Equal(LoginOutcome.UnknownUser, store.Login("carol", "pw", out UserSession? none));
            Assert.Null(none);
            Assert.Equal(LoginOutcome.WrongPassword, store.Login("bob@example.com", "PW", out none));
            Assert.Null(none);
            Assert.Equal(LoginOutcome.LoggedIn, store.Login("BOB@example.com", "pw", out _));
        }

        [Fact]
        public void A_taken_name_is_refused_whatever_its_case_and_changes_nothing()
        {
            using CloudStore store = StoreFactory.Open(clock);
            Assert.True(store.TryRegisterUser("dave", "one", out _));
            Assert.False(store.TryRegisterUser("DAVE", "two", out UserSession? none));
            Assert.Null(none);
            Assert.Equal(LoginOutcome.LoggedIn, store.Login("dave", "one", out _));
            Assert.Equal(LoginOutcome.WrongPassword, store.Login("dave", "two", out _));
        }

        [Fact]
        public void An_anonymous_phone_id_keeps_its_uid_and_cannot_log_in_with_a_password()
        {
            using CloudStore store = StoreFactory.Open(clock);
            UserSession a = store.RegisterAnonymous("phone-1");
            UserSession b = store.RegisterAnonymous("phone-1");
            UserSession c = store.RegisterAnonymous("phone-2");
            Assert.Equal(a.Uid, b.Uid);
            Assert.NotEqual(a.Uid, c.Uid);
            Assert.NotEqual(a.Token, b.Token);
            Assert.Equal(LoginOutcome.UnknownUser, store.Login("phone-1", "", out _));
        }

        [Fact]
        public void A_token_expires_after_its_lifetime_on_the_injected_clock()
        {
            using CloudStore store = StoreFactory.Open(clock);
            Assert.True(store.TryRegisterUser("erin", "pw", out UserSession? session));
            clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
            Assert.Equal(TokenStatus.Valid, store.CheckToken(session!.Token, out string? uid));
            Assert.Equal(session.Uid, uid);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(TokenStatus.Expired, store.CheckToken(session.Token, out uid));
            Assert.Equal(session.Uid, uid);
            Assert.False(store.IsValidToken(session.Uid, session.Token));
            Assert.Equal(TokenStatus.Invalid, store.CheckToken("00000000000000000000000000000000", out _));
            Assert.Equal(TokenStatus.Invalid, store.CheckToken("", out _));
        }

        [Fact]
        public void The_token_lifetime_is_configurable()
        {
            var options = StoreFactory.Options(clock);
            options.TokenLifetime = TimeSpan.FromMinutes(1);
            using var store = new CloudStore(CloudStore.InMemory, options);
            UserSession session = store.RegisterAnonymous("p");
            Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), session.ExpireAt);
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(TokenStatus.Expired, store.CheckToken(session.Token, out _));
        }

        [Fact]
        public void A_device_gets_a_gizwits_shaped_did_and_a_generated_passcode_when_it_gives_none()
        {
            using CloudStore store = StoreFactory.Open(clock);
            Assert.True(store.TryRegisterDevice(StoreFactory.ProductKey, "a0b1c2d3e4f5", null, "normal", out DeviceRecord? device));
            Assert.Matches("^[0-9a-zA-Z]{22}$", device!.Did);
            Assert.Matches("^[A-Y]{10}$", device.Passcode);
            Assert.Equal(device, store.GetDevice(device.Did));
            Assert.True(store.IsDevice(device.Did, device.Passcode));
            Assert.False(store.IsDevice(device.Did, device.Passcode.ToLowerInvariant()));
            Assert.False(store.IsDevice("unknown", device.Passcode));
        }

        [Fact]
        public void A_device_keeps_the_passcode_it_gives_and_keeps_its_did_when_it_registers_again()
        {
            using CloudStore store = StoreFactory.Open(clock);
            Assert.True(store.TryRegisterDevice(StoreFactory.ProductKey, "mac-1", "MYPASSCODE", "normal", out DeviceRecord? first));
            Assert.Equal("MYPASSCODE", first!.Passcode);
            Assert.True(store.TryRegisterDevice(StoreFactory.ProductKey, "mac-1", "NEWPASS", "normal", out DeviceRecord? again));
            Assert.Equal(first.Did, again!.Did);
            Assert.Equal("NEWPASS", again.Passcode);
            Assert.True(store.TryRegisterDevice(StoreFactory.ProductKey, "mac-2", "NEWPASS", "normal", out DeviceRecord? other));
            Assert.NotEqual(first.Did, other!.Did);
        }

        [Fact]
        public void A_device_of_an_unknown_product_is_refused()
        {
            using CloudStore store = StoreFactory.Open(clock);
            Assert.False(store.TryRegisterDevice("unknown-product", "mac", null, "normal", out DeviceRecord? none));
            Assert.Null(none);
        }

        [Fact]
        public void Binding_needs_the_device_passcode_and_unbinding_removes_it()
        {
            using CloudStore store = StoreFactory.Open(clock);
            UserSession user = store.RegisterAnonymous("p");
            Assert.True(store.TryRegisterDevice(StoreFactory.ProductKey, "m", "PASS", "normal", out DeviceRecord? device));

            Assert.Equal(BindOutcome.UnknownDevice, store.Bind(user.Uid, "nope", "PASS", "", ""));
            Assert.Equal(BindOutcome.WrongPasscode, store.Bind(user.Uid, device!.Did, "WRONG", "", ""));
            Assert.False(store.IsBound(user.Uid, device.Did));
            Assert.Empty(store.ListBindings(user.Uid, 20, 0, false));

            Assert.Equal(BindOutcome.Bound, store.Bind(user.Uid, device.Did, "PASS", "kitchen", "lamp"));
            Assert.True(store.IsBound(user.Uid, device.Did));
            Assert.Equal(BindOutcome.Bound, store.Bind(user.Uid, device.Did, "PASS", "hall", "light"));
            BoundDevice bound = Assert.Single(store.ListBindings(user.Uid, 20, 0, false));
            Assert.Equal(("hall", "light"), (bound.Remark, bound.DevAlias));
            Assert.Equal(device, bound.Device);

            Assert.True(store.Unbind(user.Uid, device.Did));
            Assert.False(store.Unbind(user.Uid, device.Did));
            Assert.False(store.IsBound(user.Uid, device.Did));
        }

        [Fact]
        public void Bindings_page_in_binding_order_and_hide_disabled_devices_unless_asked()
        {
            using CloudStore store = StoreFactory.Open(clock);
            UserSession user = store.RegisterAnonymous("p");
            var dids = new List<string>();
            for (int i = 0; i < 5; i++)
            {
                Assert.True(store.TryRegisterDevice(StoreFactory.ProductKey, "mac" + i, "PASS", "normal", out DeviceRecord? d));
                Assert.Equal(BindOutcome.Bound, store.Bind(user.Uid, d!.Did, "PASS", "", ""));
                dids.Add(d.Did);
                clock.Advance(TimeSpan.FromSeconds(1));
            }

            Assert.Equal(dids, store.ListBindings(user.Uid, 20, 0, false).Select(b => b.Device.Did));
            Assert.Equal(dids.Skip(1).Take(2), store.ListBindings(user.Uid, 2, 1, false).Select(b => b.Device.Did));
            Assert.Empty(store.ListBindings(user.Uid, 20, 5, false));

            Assert.True(store.SetDeviceDisabled(dids[2], true));
            Assert.False(store.SetDeviceDisabled("nope", true));
            Assert.DoesNotContain(dids[2], store.ListBindings(user.Uid, 20, 0, false).Select(b => b.Device.Did));
            BoundDevice disabled = store.ListBindings(user.Uid, 20, 0, true).Single(b => b.Device.Did == dids[2]);
            Assert.True(disabled.Device.IsDisabled);
        }

        [Fact]
        public void Bindings_belong_to_their_user()
        {
            using CloudStore store = StoreFactory.Open(clock);
            UserSession a = store.RegisterAnonymous("a");
            UserSession b = store.RegisterAnonymous("b");
            Assert.True(store.TryRegisterDevice(StoreFactory.ProductKey, "m", "PASS", "normal", out DeviceRecord? device));
            Assert.Equal(BindOutcome.Bound, store.Bind(a.Uid, device!.Did, "PASS", "", ""));
            Assert.False(store.IsBound(b.Uid, device.Did));
            Assert.Empty(store.ListBindings(b.Uid, 20, 0, true));
            Assert.False(store.Unbind(b.Uid, device.Did));
            Assert.True(store.IsBound(a.Uid, device.Did));
        }

        [Fact]
        public void A_file_database_keeps_everything_across_a_restart()
        {
            using var db = new TempDatabase();
            UserSession session;
            DeviceRecord? device;
            using (CloudStore store = StoreFactory.Open(clock, db.Path))
            {
                Assert.True(store.TryRegisterUser("frank", "pw", out UserSession? s));
                session = s!;
                Assert.True(store.TryRegisterDevice(StoreFactory.ProductKey, "m", null, "normal", out device));
                Assert.Equal(BindOutcome.Bound, store.Bind(session.Uid, device!.Did, device.Passcode, "r", "a"));
            }

            using (var reopened = new CloudStore(db.Path, StoreFactory.Options(clock)))
            {
                Assert.True(reopened.IsApplication(StoreFactory.AppId));
                Assert.True(reopened.IsProduct(StoreFactory.ProductKey));
                Assert.True(reopened.IsValidToken(session.Uid, session.Token));
                Assert.Equal(LoginOutcome.LoggedIn, reopened.Login("frank", "pw", out UserSession? again));
                Assert.Equal(session.Uid, again!.Uid);
                Assert.Equal(device, reopened.GetDevice(device.Did));
                Assert.True(reopened.IsDevice(device.Did, device.Passcode));
                Assert.True(reopened.IsBound(session.Uid, device.Did));
                BoundDevice bound = Assert.Single(reopened.ListBindings(session.Uid, 20, 0, false));
                Assert.Equal(("r", "a"), (bound.Remark, bound.DevAlias));
            }
        }

        [Fact]
        public void The_database_file_holds_neither_passwords_nor_tokens()
        {
            using var db = new TempDatabase();
            const string password = "Pa55-word-in-plain-sight";
            UserSession session;
            using (CloudStore store = StoreFactory.Open(clock, db.Path))
            {
                Assert.True(store.TryRegisterUser("gina", password, out UserSession? s));
                session = s!;
            }

            string bytes = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(db.Path));
            Assert.Contains("gina", bytes, StringComparison.Ordinal);
            Assert.DoesNotContain(password, bytes, StringComparison.Ordinal);
            Assert.DoesNotContain(session.Token, bytes, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("'; DROP TABLE users; --")]
        [InlineData("\" OR \"1\"=\"1")]
        [InlineData("' OR 1=1 --")]
        [InlineData("%_*?[]\\$@;")]
        [InlineData("Robert'); DELETE FROM devices;--")]
        public void Sql_metacharacters_are_stored_and_returned_verbatim(string text)
        {
            using CloudStore store = StoreFactory.Open(clock);
            store.AddApplication(text);
            Assert.True(store.IsApplication(text));
            store.AddProduct(text, text);
            Assert.True(store.IsProduct(text));

            Assert.True(store.TryRegisterUser(text, text, out UserSession? user));
            Assert.Equal(LoginOutcome.LoggedIn, store.Login(text, text, out _));
            Assert.Equal(LoginOutcome.UnknownUser, store.Login(text + "x", text, out _));
            UserSession anonymous = store.RegisterAnonymous(text);
            Assert.Equal(anonymous.Uid, store.RegisterAnonymous(text).Uid);

            Assert.True(store.TryRegisterDevice(text, text, text, text, out DeviceRecord? device));
            Assert.Equal((text, text, text, text), (device!.ProductKey, device.Mac, device.Passcode, device.Type));
            Assert.Equal(BindOutcome.Bound, store.Bind(user!.Uid, device.Did, text, text, text));
            BoundDevice bound = Assert.Single(store.ListBindings(user.Uid, 20, 0, false));
            Assert.Equal((text, text), (bound.Remark, bound.DevAlias));
            Assert.True(store.IsDevice(device.Did, text));
            Assert.False(store.IsBound(user.Uid, text));
            Assert.Equal(BindOutcome.UnknownDevice, store.Bind(user.Uid, text, text, text, text));
            Assert.True(store.IsProduct(StoreFactory.ProductKey)); // nothing was dropped
        }

        [Fact]
        public async Task Concurrent_callers_are_serialised_safely()
        {
            using CloudStore store = StoreFactory.Open(clock);
            UserSession owner = store.RegisterAnonymous("owner");
            Task[] tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (int i = 0; i < 25; i++)
                {
                    Assert.True(store.TryRegisterUser($"u{t}-{i}", "pw", out UserSession? s));
                    Assert.True(store.IsValidToken(s!.Uid, s.Token));
                    Assert.True(store.TryRegisterDevice(StoreFactory.ProductKey, $"mac{t}-{i}", "PASS", "normal", out DeviceRecord? d));
                    Assert.Equal(BindOutcome.Bound, store.Bind(owner.Uid, d!.Did, "PASS", "", ""));
                }
            })).ToArray();
            await Task.WhenAll(tasks);
            Assert.Equal(200, store.ListBindings(owner.Uid, 1000, 0, false).Count);
        }

        [Fact]
        public void A_disposed_store_refuses_use()
        {
            CloudStore store = StoreFactory.Open(clock);
            store.Dispose();
            store.Dispose();
            Assert.Throws<ObjectDisposedException>(() => store.IsApplication("x"));
        }
    }
}
