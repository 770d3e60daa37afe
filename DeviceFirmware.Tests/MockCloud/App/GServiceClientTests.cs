using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.App;

/// <summary><see cref="GServiceClient"/> against a real GService (Kestrel on 127.0.0.1:0).</summary>
public sealed class GServiceClientTests
{
    [Fact]
    public async Task Register_then_login_give_sessions_whose_tokens_the_cloud_accepts()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        using GServiceClient client = cloud.NewGServiceClient();
        AppSession registered = await client.RegisterAsync("alice", "pw-alice");
        Assert.Equal(registered.Token, client.UserToken);
        Assert.True(cloud.Store.IsValidToken(registered.Uid, registered.Token));
        Assert.True(registered.ExpireAt > DateTimeOffset.FromUnixTimeSeconds(0));

        using GServiceClient other = cloud.NewGServiceClient();
        AppSession login = await other.LoginAsync("alice", "pw-alice");
        Assert.Equal(registered.Uid, login.Uid);
        Assert.NotEqual(registered.Token, login.Token);
        Assert.True(cloud.Store.IsValidToken(login.Uid, login.Token));
    }

    [Fact]
    public async Task Session_text_never_shows_the_token()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        using GServiceClient client = cloud.NewGServiceClient();
        AppSession session = await client.RegisterAsync("bob", "pw");
        Assert.DoesNotContain(session.Token, session.ToString(), StringComparison.Ordinal);
        Assert.Contains(session.Uid, session.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("carol", "wrong", 9020)]
    [InlineData("nobody", "pw", 9005)]
    public async Task Refused_login_is_a_GServiceException_with_code_and_message(string username, string password, int code)
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        using GServiceClient client = cloud.NewGServiceClient();
        await client.RegisterAsync("carol", "pw");
        using GServiceClient other = cloud.NewGServiceClient();
        GServiceException e = await Assert.ThrowsAsync<GServiceException>(() => other.LoginAsync(username, password));
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(400, e.HttpStatus);
        Assert.False(string.IsNullOrEmpty(e.ErrorMessage));
        Assert.True(e.IsBadCredentials);
        Assert.Null(other.UserToken);
    }

    [Fact]
    public async Task Taken_username_is_9019()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        using GServiceClient client = cloud.NewGServiceClient();
        await client.RegisterAsync("dave", "pw");
        GServiceException e = await Assert.ThrowsAsync<GServiceException>(() => client.RegisterAsync("dave", "other"));
        Assert.Equal(GServiceException.UsernameUnavailable, e.ErrorCode);
        Assert.False(e.IsBadCredentials);
    }

    [Fact]
    public async Task Unknown_application_id_is_9003()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        using var client = new GServiceClient(cloud.GService.BaseAddress, "not-an-app");
        GServiceException e = await Assert.ThrowsAsync<GServiceException>(() => client.RegisterAsync("erin", "pw"));
        Assert.Equal(GServiceException.AppIdInvalid, e.ErrorCode);
    }

    [Fact]
    public async Task Bind_list_and_unbind_with_typed_results()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0011223344aa", "PASSCODEAA");
        string other = cloud.RegisterDevice("0011223344bb", "PASSCODEBB");
        using GServiceClient client = cloud.NewGServiceClient();
        await client.RegisterAsync("frank", "pw");

        BindResult bound = await client.BindAsync(did, "PASSCODEAA", "kitchen", "lamp");
        Assert.Equal([did], bound.Success);
        Assert.Empty(bound.Failed);
        BindResult wrongPasscode = await client.BindAsync(other, "PASSCODEXX");
        Assert.Empty(wrongPasscode.Success);
        Assert.Equal([other], wrongPasscode.Failed);

        IReadOnlyList<BoundDeviceInfo> devices = await client.ListBindingsAsync();
        BoundDeviceInfo device = Assert.Single(devices);
        Assert.Equal(did, device.Did);
        Assert.Equal(AppTestCloud.GoKit.ProductKey, device.ProductKey);
        Assert.Equal("kitchen", device.Remark);
        Assert.Equal("lamp", device.DevAlias);
        Assert.Equal("0011223344aa", device.Mac);
        Assert.Equal("PASSCODEAA", device.Passcode);
        Assert.Equal("127.0.0.1", device.Host);
        Assert.Equal(cloud.M2mPort, device.Port);
        Assert.False(device.IsOnline);
        Assert.False(device.IsDisabled);
        Assert.Equal("normal", device.Type);

        Assert.Equal([did], (await client.UnbindAsync(did)).Success);
        Assert.Equal([did], (await client.UnbindAsync(did)).Failed);
        Assert.Empty(await client.ListBindingsAsync());
    }

    [Fact]
    public async Task List_honours_limit_skip_and_show_disabled()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string a = cloud.RegisterDevice("0000000000a1");
        string b = cloud.RegisterDevice("0000000000a2");
        string c = cloud.RegisterDevice("0000000000a3");
        (GServiceClient gina, AppSession _) = await cloud.UserAsync("gina", a, b, c);
        using GServiceClient client = gina;
        cloud.Store.SetDeviceDisabled(c, true);
        Assert.Equal(2, (await client.ListBindingsAsync()).Count);
        Assert.Equal(3, (await client.ListBindingsAsync(showDisabled: true)).Count);
        Assert.Single(await client.ListBindingsAsync(limit: 1));
        Assert.Single(await client.ListBindingsAsync(limit: 20, skip: 1));
        GServiceException e = await Assert.ThrowsAsync<GServiceException>(() => client.ListBindingsAsync(limit: 0));
        Assert.Equal(9015, e.ErrorCode);
    }

    [Fact]
    public async Task Binding_calls_with_a_bad_token_are_9004_and_without_one_refused_locally()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        using GServiceClient client = cloud.NewGServiceClient();
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ListBindingsAsync());
        client.UserToken = "not-a-token";
        GServiceException e = await Assert.ThrowsAsync<GServiceException>(() => client.ListBindingsAsync());
        Assert.Equal(GServiceException.TokenInvalid, e.ErrorCode);
        Assert.True(e.IsBadCredentials);
    }

    [Fact]
    public async Task A_cloud_that_is_not_there_is_CloudUnreachable_naming_the_URL()
    {
        int port = FreePort.Next();
        using var client = new GServiceClient(new Uri($"http://127.0.0.1:{port}"), "app");
        CloudUnreachableException e = await Assert.ThrowsAsync<CloudUnreachableException>(() => client.LoginAsync("u", "p"));
        Assert.Contains($"cloud not reachable at http://127.0.0.1:{port}/", e.Message, StringComparison.Ordinal);
    }
}
