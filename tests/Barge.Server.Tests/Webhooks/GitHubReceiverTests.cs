using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Barge.Server.Tests.Webhooks;

public sealed class GitHubReceiverTests
{
    [Fact]
    public async Task Push_SignedForMainOfSubscribedRepo_RefreshesOnlyMatchingWarehouseOfProject()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);

        using var response = await host.Client.SendAsync(WebhookScenario.GitHubPush(WebhookScenario.GitHubPushBody("Example/App", "refs/heads/main")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("refreshed 1 warehouse(s)", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["msg"]!.GetValue<string>());
        Assert.Equal(["demo/app-main"], await WebhookScenario.RefreshedAsync(host));
    }

    [Fact]
    public async Task Push_OtherBranch_RefreshesTheBranchSubscription()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);

        using var response = await host.Client.SendAsync(WebhookScenario.GitHubPush(WebhookScenario.GitHubPushBody("example/app", "refs/heads/dev")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["demo/app-dev"], await WebhookScenario.RefreshedAsync(host));
    }

    [Fact]
    public async Task Push_UnknownRepository_RefreshesNothing()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);

        using var response = await host.Client.SendAsync(WebhookScenario.GitHubPush(WebhookScenario.GitHubPushBody("example/unknown", "refs/heads/main")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("refreshed 0 warehouse(s)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await WebhookScenario.RefreshedAsync(host));
    }

    [Theory]
    [InlineData("wrong-secret", "unauthorized")]
    [InlineData(null, "missing signature")]
    public async Task Push_BadSignature_Is401AndRefreshesNothing(string? secret, string error)
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);

        using var response = await host.Client.SendAsync(WebhookScenario.GitHubPush(WebhookScenario.GitHubPushBody("example/app", "refs/heads/main"), secret: secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(error, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        Assert.Empty(await WebhookScenario.RefreshedAsync(host));
    }

    [Fact]
    public async Task Push_SignatureOfAnotherBody_Is401()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);
        using var request = WebhookScenario.GitHubPush(WebhookScenario.GitHubPushBody("example/app", "refs/heads/main"));
        request.Content = new StringContent(WebhookScenario.GitHubPushBody("example/other", "refs/heads/main"));

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await WebhookScenario.RefreshedAsync(host));
    }

    [Fact]
    public async Task Ping_Signed_AnswersConfigured()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);

        using var response = await host.Client.SendAsync(WebhookScenario.GitHubPush("""{"zen":"Keep it simple."}""", eventType: "ping"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ping event received", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedEvent_Is400()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);

        using var response = await host.Client.SendAsync(WebhookScenario.GitHubPush("{}", eventType: "issues"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("event type issues is not supported", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_SameDeliveryTwice_SecondIs409AndNotWrittenAgain()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);
        var body = WebhookScenario.GitHubPushBody("example/app", "refs/heads/main");

        using var first = await host.Client.SendAsync(WebhookScenario.GitHubPush(body, delivery: "d-1"));
        var afterFirst = await host.Store.GetResourceVersionAsync();
        using var second = await host.Client.SendAsync(WebhookScenario.GitHubPush(body, delivery: "d-1"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(afterFirst, await host.Store.GetResourceVersionAsync());
    }

    [Fact]
    public async Task Push_WhilePreviousRefreshUnhandled_IsCoalesced()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);

        using var first = await host.Client.SendAsync(WebhookScenario.GitHubPush(WebhookScenario.GitHubPushBody("example/app", "refs/heads/main")));
        var token = await WebhookScenario.RefreshOfAsync(host, "app-main");
        var version = await host.Store.GetResourceVersionAsync();
        using var second = await host.Client.SendAsync(WebhookScenario.GitHubPush(WebhookScenario.GitHubPushBody("example/app", "refs/heads/main")));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(token, await WebhookScenario.RefreshOfAsync(host, "app-main"));
        Assert.Equal(version, await host.Store.GetResourceVersionAsync());
    }

    [Fact]
    public async Task WrongProjectPath_Is404()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);
        var body = WebhookScenario.GitHubPushBody("example/app", "refs/heads/main");
        using var request = WebhookScenario.GitHubPush(body);
        request.RequestUri = new Uri(WebhookScenario.PathOf("github", "gh", WebhookScenario.GitHubSecret, project: "elsewhere"), UriKind.Relative);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{}", (await response.Content.ReadAsStringAsync()).Trim());
        Assert.Empty(await WebhookScenario.RefreshedAsync(host));
    }
}
