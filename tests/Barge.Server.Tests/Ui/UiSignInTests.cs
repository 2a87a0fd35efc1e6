using System.Net;

namespace Barge.Server.Tests.Ui;

public sealed class UiSignInTests
{
    [Fact]
    public async Task SignIn_AdminToken_SetsHttpOnlyStrictSessionCookie()
    {
        await using var server = await TestServer.StartAsync();
        using var client = UiClient.Anonymous(server);

        using var response = await client.SignInAsync(TestServer.AdminToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("barge_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestServer.AdminToken, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownToken_Returns401WithMessageAndNoCookie()
    {
        await using var server = await TestServer.StartAsync();
        using var client = UiClient.Anonymous(server);

        using var response = await client.SignInAsync("not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid on this server", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("projects", "/ui")]
    [InlineData("project", "/ui/projects/p1")]
    [InlineData("freight", "/ui/projects/p1/freight/f1")]
    [InlineData("promotion", "/ui/projects/p1/promotions/x")]
    [InlineData("live", "/ui/projects/p1/promotions/x/live")]
    public async Task Page_WithoutSession_RedirectsToSignIn(string page, string path)
    {
        _ = page;
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = UiClient.Anonymous(server);

        using var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ui/signin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Root_Anonymous_RedirectsToUi()
    {
        await using var server = await TestServer.StartAsync();
        using var client = UiClient.Anonymous(server);

        using var response = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ui", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_WithCsrf_EndsSession()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync("/ui/signout", ("_csrf", csrf));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var (status, _) = await client.GetAsync("/ui");
        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task Session_ApiTokenDeleted_EndsOnNextRequest()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var token = await server.TokenAsync("short-lived", "viewer@p1");
        using var client = await UiClient.SignedInAsync(server, token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ui")).Status);

        using (var admin = server.Client())
        {
            using var deleted = await admin.DeleteAsync("/v1beta1/system/api-tokens/short-lived");
            Assert.True(deleted.IsSuccessStatusCode, $"token delete: {(int)deleted.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/ui")).Status);
    }

    [Fact]
    public async Task Assets_ScriptAndStylesheet_ServedEmbedded()
    {
        await using var server = await TestServer.StartAsync();
        using var client = UiClient.Anonymous(server);

        using var js = await client.Http.GetAsync("/ui/assets/app.js");
        using var css = await client.Http.GetAsync("/ui/assets/app.css");
        using var missing = await client.Http.GetAsync("/ui/assets/other.js");

        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EventSource", await js.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
