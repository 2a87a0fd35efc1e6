using System.Net;
using static Barge.Server.Tests.Webhooks.WebhookScenario;

namespace Barge.Server.Tests.Webhooks;

public sealed class GiteaProviderTests
{
    private const string Push = """
        {"ref":"refs/heads/main","before":"0","after":"1",
         "repository":{"full_name":"example/app","clone_url":"https://github.com/example/app.git"}}
        """;

    [Theory]
    [InlineData("right signature", GitHubSecret, HttpStatusCode.OK, new[] { "demo/app-main" })]
    [InlineData("signature with another secret", "not-the-secret", HttpStatusCode.Unauthorized, new string[0])]
    public async Task Push_SignedBody_RefreshesOnlyWithTheRightSecret(string scenario, string secret, HttpStatusCode status, string[] refreshed)
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);

        using var response = await host.Client.SendAsync(Json(PathOf("gitea", "gt", GitHubSecret), Push,
            ("X-Gitea-Event", "push"), ("X-Gitea-Delivery", Guid.NewGuid().ToString()), ("X-Hub-Signature-256", "sha256=" + HmacHex(secret, Push))));

        Assert.True(response.StatusCode == status, scenario + ": " + await response.Content.ReadAsStringAsync());
        Assert.Equal(refreshed, await RefreshedAsync(host));
    }

    [Theory]
    [InlineData("no signature", "push", null, HttpStatusCode.Unauthorized, "missing signature")]
    [InlineData("malformed signature", "push", "sha256=zz", HttpStatusCode.Unauthorized, "unauthorized")]
    [InlineData("unsupported event", "issues", "valid", HttpStatusCode.NotImplemented, "event type issues is not supported")]
    public async Task Push_Refused_RefreshesNothing(string scenario, string eventType, string? signature, HttpStatusCode status, string message)
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var headers = new List<(string, string)> { ("X-Gitea-Event", eventType) };
        if (signature is not null)
        {
            headers.Add(("X-Hub-Signature-256", signature == "valid" ? "sha256=" + HmacHex(GitHubSecret, Push) : signature));
        }

        using var response = await host.Client.SendAsync(Json(PathOf("gitea", "gt", GitHubSecret), Push, [.. headers]));

        Assert.True(response.StatusCode == status, scenario);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RefreshedAsync(host));
    }

    [Fact]
    public async Task Push_SameDeliveryTwice_SecondIsAReplay()
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var delivery = Guid.NewGuid().ToString();
        HttpRequestMessage Call() => Json(PathOf("gitea", "gt", GitHubSecret), Push,
            ("X-Gitea-Event", "push"), ("X-Gitea-Delivery", delivery), ("X-Hub-Signature-256", "sha256=" + HmacHex(GitHubSecret, Push)));

        using var first = await host.Client.SendAsync(Call());
        using var second = await host.Client.SendAsync(Call());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }
}
