using System.Net;
using Barge.Engine.Credentials;
using Barge.Server.Hosting;
using Barge.Storage;

namespace Barge.Server.Tests.Ui;

/// <summary>UI sessions kept in the store (hashes only), shared by replicas, ended by sign-out or revocation; the sign-in form's CSRF check.</summary>
public sealed class UiSessionStoreTests
{
    [Fact]
    public async Task SignIn_StoresOnlyHashesOfSessionIdAndToken()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var cookie = client.Cookies.GetCookies(server.Address)["barge_session"]?.Value ?? throw new InvalidOperationException("no session cookie");

        var stored = Assert.Single((await server.Store.ListAsync(ResourceQuery.OfKind("UiSession", ""))).Items);

        Assert.NotEqual(cookie, stored.Key.Name);
        Assert.Equal(64, stored.Key.Name.Length);
        var spec = stored.Spec.GetRawText();
        Assert.DoesNotContain(cookie, spec, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServer.AdminToken, spec, StringComparison.Ordinal);
        Assert.Equal(64, stored.Spec.GetProperty("tokenSha256").GetString()!.Length);
        Assert.True(DateTimeOffset.Parse(stored.Spec.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddHours(11));
    }

    [Fact]
    public async Task Session_OtherReplicaOnSameStore_KeepsUserSignedIn()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        if (!SecretCipher.TryOpen(server.Home, null, out var cipher, out var error))
        {
            throw new InvalidOperationException(error);
        }
        using (cipher)
        {
            var options = new BargeServerOptions { Home = server.Home, Listen = "127.0.0.1:0", AdminToken = TestServer.AdminToken, RunControllers = false };
            await using var replica = await BargeServer.BuildAsync(options, server.Store, cipher, TimeProvider.System);
            await replica.StartAsync();
            using var there = client.On(new Uri(BargeServer.Addresses(replica)[0]));

            var (status, body) = await there.GetAsync("/ui");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Sign out", body, StringComparison.Ordinal);
            await replica.StopAsync();
        }
    }

    [Fact]
    public async Task SignOut_DeletesStoredSession_CookieReplayedIsRefused()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var cookie = client.Cookies.GetCookies(server.Address)["barge_session"]!.Value;
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync("/ui/signout", ("_csrf", csrf));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("UiSession", ""))).Items);
        using var replay = UiClient.Anonymous(server);
        replay.Cookies.Add(server.Address, new Cookie("barge_session", cookie));
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/ui")).Status);
    }

    [Fact]
    public async Task Session_ApiTokenRevoked_EndsAtOnceAndRecordIsDeleted()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var token = await server.TokenAsync("revoked-soon", "viewer@p1");
        using var client = await UiClient.SignedInAsync(server, token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ui/projects/p1")).Status);

        using (var admin = server.Client())
        {
            using var deleted = await admin.DeleteAsync("/v1beta1/system/api-tokens/revoked-soon");
            Assert.True(deleted.IsSuccessStatusCode, $"token delete: {(int)deleted.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/ui/projects/p1")).Status);
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("UiSession", ""))).Items);
    }

    [Fact]
    public async Task Session_ExpiredRecord_RedirectsToSignIn()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var stored = Assert.Single((await server.Store.ListAsync(ResourceQuery.OfKind("UiSession", ""))).Items);
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var spec = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["tokenSha256"] = stored.Spec.GetProperty("tokenSha256").GetString()!,
            ["createdAt"] = past,
            ["lastSeenAt"] = past,
            ["expiresAt"] = past,
        });
        await server.Store.UpdateAsync(ResourceUpdate.From(stored, spec));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/ui")).Status);
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("UiSession", ""))).Items);
    }

    [Fact]
    public async Task Session_UsedAfterTouchInterval_SlidesExpiry()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var stored = Assert.Single((await server.Store.ListAsync(ResourceQuery.OfKind("UiSession", ""))).Items);
        var old = DateTimeOffset.UtcNow.AddHours(-2);
        var spec = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["tokenSha256"] = stored.Spec.GetProperty("tokenSha256").GetString()!,
            ["createdAt"] = old.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["lastSeenAt"] = old.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["expiresAt"] = old.AddHours(12).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
        await server.Store.UpdateAsync(ResourceUpdate.From(stored, spec));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ui")).Status);

        var touched = Assert.Single((await server.Store.ListAsync(ResourceQuery.OfKind("UiSession", ""))).Items);
        var expires = DateTimeOffset.Parse(touched.Spec.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expires > DateTimeOffset.UtcNow.AddHours(11.9), $"expiry did not slide: {expires:O}");
    }

    [Fact]
    public async Task SignIn_WithoutCsrfField_Returns400AndStartsNoSession()
    {
        await using var server = await TestServer.StartAsync();
        using var client = UiClient.Anonymous(server);
        _ = await client.CsrfAsync("/ui/signin");

        using var response = await client.PostFormAsync("/ui/signin", ("token", TestServer.AdminToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did not come from this server", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(client.Cookies.GetCookies(server.Address)["barge_session"]);
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("UiSession", ""))).Items);
    }

    [Fact]
    public async Task SignIn_CsrfFieldFromAnotherBrowser_Returns400()
    {
        await using var server = await TestServer.StartAsync();
        using var attacker = UiClient.Anonymous(server);
        var attackerCsrf = await attacker.CsrfAsync("/ui/signin");
        using var victim = UiClient.Anonymous(server);
        _ = await victim.CsrfAsync("/ui/signin");

        using var response = await victim.PostFormAsync("/ui/signin", ("_csrf", attackerCsrf), ("token", TestServer.AdminToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(victim.Cookies.GetCookies(server.Address)["barge_session"]);
    }

    [Fact]
    public async Task SignInForm_SetsStrictHttpOnlyPreSessionCookieMatchingHiddenField()
    {
        await using var server = await TestServer.StartAsync();
        using var client = UiClient.Anonymous(server);

        using var response = await client.Http.GetAsync("/ui/signin");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("barge_signin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var value = cookie["barge_signin=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        Assert.Contains($"name=\"_csrf\" value=\"{value}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
