using System.Net;
using System.Text.Json.Nodes;
using static Barge.Server.Tests.Webhooks.WebhookScenario;

namespace Barge.Server.Tests.Webhooks;

/// <summary>
/// The <c>azure</c> receiver over real HTTP with payloads shaped like Azure Container Registry and Azure
/// DevOps service-hook deliveries (Webhooks/Samples, written for these tests). The sender is told by
/// its User-Agent; the secret-derived path is the only authentication.
/// </summary>
public sealed class AzureProviderTests
{
    private const string RegistryAgent = "AzureContainerRegistry/1.0";
    private const string DevOpsAgent = "VSServices/19.250.35608.1";

    [Theory]
    [InlineData("tag inside the constraint", "1.4.0", new[] { "demo/acr-image" })]
    [InlineData("tag outside the constraint", "2.0.0", new string[0])]
    [InlineData("push by digest, no tag", "", new[] { "demo/acr-image" })]
    public async Task RegistryPush_RefreshesTheImageSubscriptionWhenTheTagQualifies(string scenario, string tag, string[] expected)
    {
        await using var host = await StartAsync();
        var body = Sample("azure-registry-push.json").Replace("\"tag\": \"1.4.0\"", $"\"tag\": \"{tag}\"", StringComparison.Ordinal);

        using var response = await host.Client.SendAsync(Json(AzurePath(), body, ("User-Agent", RegistryAgent)));

        Assert.True(response.StatusCode == HttpStatusCode.OK, scenario);
        Assert.Equal($"{{\"msg\":\"refreshed {expected.Length} warehouse(s)\"}}", (await response.Content.ReadAsStringAsync()).Trim());
        Assert.Equal(expected, await RefreshedAsync(host));
    }

    [Fact]
    public async Task RegistryChartPush_RefreshesOnlyTheChartSubscription()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Json(AzurePath(), Sample("azure-registry-chart-push.json"), ("User-Agent", RegistryAgent)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["demo/acr-chart"], await RefreshedAsync(host));
    }

    [Fact]
    public async Task RegistryPing_Is200AndRefreshesNothing()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Json(AzurePath(), Sample("azure-registry-ping.json"), ("User-Agent", RegistryAgent)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ping event received, webhook is configured correctly", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RefreshedAsync(host));
    }

    [Theory]
    [InlineData("main branch", "refs/heads/main", new[] { "demo/ado-main" })]
    [InlineData("dev branch", "refs/heads/dev", new[] { "demo/ado-dev" })]
    [InlineData("a tag on branch subscriptions", "refs/tags/v1.0.0", new string[0])]
    public async Task DevOpsPush_RefreshesTheProjectsWarehousesOnThatRepositoryAndRef(string scenario, string reference, string[] expected)
    {
        await using var host = await StartAsync();
        var body = Sample("azure-devops-push.json").Replace("\"name\": \"refs/heads/main\"", $"\"name\": \"{reference}\"", StringComparison.Ordinal);

        using var response = await host.Client.SendAsync(Json(AzurePath(), body, ("User-Agent", DevOpsAgent)));

        Assert.True(response.StatusCode == HttpStatusCode.OK, scenario);
        // The Warehouse on the same repository in another project is never touched.
        Assert.Equal(expected, await RefreshedAsync(host));
    }

    [Theory]
    [InlineData("registry delete", RegistryAgent, "azure-registry-push.json", "\"action\": \"push\"", "\"action\": \"delete\"", "event type delete is not supported")]
    [InlineData("registry chart delete", RegistryAgent, "azure-registry-push.json", "\"action\": \"push\"", "\"action\": \"chart_delete\"", "event type chart_delete is not supported")]
    [InlineData("devops pull request", DevOpsAgent, "azure-devops-push.json", "\"eventType\": \"git.push\"", "\"eventType\": \"git.pullrequest.created\"", "event type git.pullrequest.created is not supported")]
    [InlineData("registry bad JSON", RegistryAgent, "azure-registry-push.json", "\"id\":", "\"id\"", "invalid request body")]
    [InlineData("devops bad JSON", DevOpsAgent, "azure-devops-push.json", "{", "[", "invalid request body")]
    [InlineData("registry push without a host", RegistryAgent, "azure-registry-push.json", "\"host\": \"acr.example.com\"", "\"host\": \"\"", "request.host and target.repository")]
    [InlineData("devops push without a remote URL", DevOpsAgent, "azure-devops-push.json", "\"remoteUrl\":", "\"webUrl\":", "resource.repository.remoteUrl")]
    [InlineData("another sender", "curl/8.5.0", "azure-registry-push.json", "", "", "request does not appear to have originated from a supported service")]
    public async Task BadOrUnsupportedCall_Is400AndRefreshesNothing(string scenario, string agent, string sample, string from, string to, string error)
    {
        await using var host = await StartAsync();
        var body = from.Length == 0 ? Sample(sample) : ReplaceFirst(Sample(sample), from, to);

        using var response = await host.Client.SendAsync(Json(AzurePath(), body, ("User-Agent", agent)));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{scenario}: {(int)response.StatusCode}");
        Assert.Contains(error, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await RefreshedAsync(host));
    }

    [Theory]
    [InlineData("wrong secret", "not-the-secret", Project)]
    [InlineData("right secret, other project", GitHubSecret, "elsewhere")]
    public async Task WrongSecretPath_Is404AndRefreshesNothing(string scenario, string secret, string project)
    {
        _ = scenario;
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Json(PathOf("azure", "az", secret, project), Sample("azure-devops-push.json"), ("User-Agent", DevOpsAgent)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{}", (await response.Content.ReadAsStringAsync()).Trim());
        Assert.Empty(await RefreshedAsync(host));
    }

    [Fact]
    public async Task UnknownRepository_Is200RefreshingNone()
    {
        await using var host = await StartAsync();
        var body = Sample("azure-registry-push.json").Replace("\"repository\": \"team/api\"", "\"repository\": \"team/unknown\"", StringComparison.Ordinal);

        using var response = await host.Client.SendAsync(Json(AzurePath(), body, ("User-Agent", RegistryAgent)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("refreshed 0 warehouse(s)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RefreshedAsync(host));
    }

    [Fact]
    public async Task OversizedBody_Is413AndRefreshesNothing()
    {
        await using var host = await StartAsync();
        var body = Sample("azure-devops-push.json").Replace("\"publisherId\": \"tfs\"", "\"pad\": \"" + new string('x', 3 * 1024 * 1024) + "\"", StringComparison.Ordinal);

        using var response = await host.Client.SendAsync(Json(AzurePath(), body, ("User-Agent", DevOpsAgent)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await RefreshedAsync(host));
    }

    [Fact]
    public async Task SameEventDeliveredTwice_SecondIs409()
    {
        await using var host = await StartAsync();

        using var first = await host.Client.SendAsync(Json(AzurePath(), Sample("azure-registry-push.json"), ("User-Agent", RegistryAgent)));
        using var second = await host.Client.SendAsync(Json(AzurePath(), Sample("azure-registry-push.json"), ("User-Agent", RegistryAgent)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("5b0e7c1d-2f4a-4c8e-9d61-3a7f0e2b9c44", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<WebhookHost> StartAsync()
    {
        var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        await WarehouseAsync(host, "acr-image", """{"image":{"repoURL":"acr.example.com/team/api","constraint":"^1.0.0"}}""");
        await WarehouseAsync(host, "acr-chart", """{"chart":{"repoURL":"oci://acr.example.com/charts/api","semverConstraint":"^0.9.0"}}""");
        await WarehouseAsync(host, "ado-main", """{"git":{"repoURL":"https://dev.example.com/shop/_git/app.git","branch":"main"}}""");
        await WarehouseAsync(host, "ado-dev", """{"git":{"repoURL":"https://dev.example.com/Shop/_git/App","branch":"dev"}}""");
        await host.CreateAsync("Warehouse", "elsewhere", "ado-main", "kargo.akuity.io/v1alpha1",
            JsonNode.Parse("""{"subscriptions":[{"git":{"repoURL":"https://dev.example.com/Shop/_git/App","branch":"main"}}]}""")!);
        return host;
    }

    private static string AzurePath() => PathOf("azure", "az", GitHubSecret);

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Webhooks", "Samples", name));

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return at < 0 ? throw new ArgumentException($"\"{from}\" is not in the sample") : string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}
