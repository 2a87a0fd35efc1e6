using System.Net;
using System.Text.Json.Nodes;
using Barge.Server.Webhooks;
using Barge.Storage;
using Xunit;
using static Barge.Server.Tests.Webhooks.WebhookScenario;

namespace Barge.Server.Tests.Webhooks;

public sealed class ProviderReceiverTests
{
    private const string GitLabPush = """
        {"object_kind":"push","ref":"refs/heads/main","total_commits_count":1,
         "repository":{"git_http_url":"https://github.com/example/app.git","git_ssh_url":"git@github.com:example/app.git"},
         "commits":[{"id":"1","added":["a"],"modified":[],"removed":[]}]}
        """;

    [Fact]
    public async Task GitLab_PushWithToken_RefreshesMatchingWarehouse()
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);

        using var response = await host.Client.SendAsync(Json(PathOf("gitlab", "gl", GitLabToken), GitLabPush, ("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Token", GitLabToken)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["demo/app-main"], await RefreshedAsync(host));
    }

    [Fact]
    public async Task GitLab_WrongToken_Is401AndRefreshesNothing()
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);

        using var response = await host.Client.SendAsync(Json(PathOf("gitlab", "gl", GitLabToken), GitLabPush, ("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Token", "nope")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await RefreshedAsync(host));
    }

    [Fact]
    public async Task GitLab_TagPushOnBranchSubscriptions_RefreshesNothing()
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var body = GitLabPush.Replace("refs/heads/main", "refs/tags/v1.0.0", StringComparison.Ordinal);

        using var response = await host.Client.SendAsync(Json(PathOf("gitlab", "gl", GitLabToken), body, ("X-Gitlab-Event", "Tag Push Hook"), ("X-Gitlab-Token", GitLabToken)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await RefreshedAsync(host));
    }

    [Theory]
    [InlineData("matching semver tag", "1.2.3", new[] { "demo/hub-image" })]
    [InlineData("tag outside the constraint", "2.0.0", new string[0])]
    public async Task DockerHub_Push_RefreshesImageSubscriptionWhenTagQualifies(string scenario, string tag, string[] expected)
    {
        _ = scenario;
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var body = $$$"""{"push_data":{"tag":"{{{tag}}}","media_type":"application/vnd.docker.distribution.manifest.v2+json"},"repository":{"repo_name":"example/api"}}""";

        using var response = await host.Client.SendAsync(Json(PathOf("dockerhub", "hub", GitHubSecret), body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await RefreshedAsync(host));
    }

    [Fact]
    public async Task Quay_Push_RefreshesImageSubscription()
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);

        using var response = await host.Client.SendAsync(Json(PathOf("quay", "quay", GitHubSecret), """{"docker_url":"quay.io/team/web","updated_tags":["latest"]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["demo/quay-image"], await RefreshedAsync(host));
    }

    [Theory]
    [InlineData("right header", HarborAuth, HttpStatusCode.OK, 1)]
    [InlineData("wrong header", "Basic d3Jvbmc=", HttpStatusCode.Unauthorized, 0)]
    public async Task Harbor_PushArtifact_NeedsTheAuthHeader(string scenario, string authorization, HttpStatusCode status, int refreshed)
    {
        _ = scenario;
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        const string body = """{"type":"PUSH_ARTIFACT","event_data":{"resources":[{"tag":"v7","resource_url":"harbor.example.com/library/svc:v7"}]}}""";

        using var response = await host.Client.SendAsync(Json(PathOf("harbor", "harbor", HarborAuth), body, ("Authorization", authorization)));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(refreshed, (await RefreshedAsync(host)).Length);
    }

    [Theory]
    [InlineData("matching event header", "built", new[] { "demo/app-dev", "demo/app-main" })]
    [InlineData("other event header", "tested", new string[0])]
    public async Task Generic_ExpressionSelectsWarehousesBySubscribedUrl(string scenario, string eventHeader, string[] expected)
    {
        _ = scenario;
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);

        using var response = await host.Client.SendAsync(Json(PathOf("generic", "any", GitHubSecret), """{"repository":"https://github.com/Example/App.git"}""", ("X-Event", eventHeader)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]![0]!;
        Assert.Equal(expected.Length > 0 ? "Success" : "NotApplicable", result["result"]!.GetValue<string>());
        Assert.Equal(expected, await RefreshedAsync(host));
    }

    [Fact]
    public async Task TenMegabyteBody_Is413AndRefreshesNothing()
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var body = "{\"pad\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";

        using var response = await host.Client.SendAsync(GitHubPush(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("content exceeds limit of 2097152 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RefreshedAsync(host));
    }

    [Fact]
    public async Task Publisher_WritesReceiverPathsAndUrlsInProjectConfigStatus()
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);

        await host.Service<ReceiverStatusPublisher>().PublishAsync(Project, CancellationToken.None);

        var stored = await host.Store.GetAsync(new ResourceKey("ProjectConfig", Project, Project));
        var receivers = JsonNode.Parse(stored!.Status!.Value.GetRawText())!["webhookReceivers"]!.AsArray();
        var gh = receivers.Single(r => r!["name"]!.GetValue<string>() == "gh")!;
        Assert.Equal(PathOf("github", "gh", GitHubSecret), gh["path"]!.GetValue<string>());
        Assert.Equal("https://barge.example.com" + PathOf("github", "gh", GitHubSecret), gh["url"]!.GetValue<string>());
        Assert.Equal(11, receivers.Count);
    }
}
