using System.Net;
using static Barge.Server.Tests.Webhooks.WebhookScenario;

namespace Barge.Server.Tests.Webhooks;

public sealed class BitbucketProviderTests
{
    private const string CloudPush = """
        {"actor":{"name":"ada"},
         "push":{"changes":[{"new":{"type":"branch","name":"main"}}]},
         "repository":{"full_name":"example/app","links":{"html":{"href":"https://github.com/example/app"}}}}
        """;

    private const string DataCenterPush = """
        {"eventKey":"repo:refs_changed",
         "changes":[{"ref":{"id":"refs/heads/dev","displayId":"dev","type":"BRANCH"}}],
         "repository":{"slug":"app","links":{"clone":[{"href":"https://github.com/example/app.git","name":"http"},{"href":"ssh://git@github.com/example/app.git","name":"ssh"}]}}}
        """;

    [Theory]
    [InlineData("cloud push to main", "repo:push", CloudPush, new[] { "demo/app-main" })]
    [InlineData("cloud tag push", "repo:push", "tag", new string[0])]
    [InlineData("data center push to dev", "repo:refs_changed", DataCenterPush, new[] { "demo/app-dev" })]
    public async Task Push_Signed_RefreshesWarehousesWhoseBranchMatches(string scenario, string eventKey, string body, string[] refreshed)
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        if (body == "tag")
        {
            body = CloudPush.Replace("\"type\":\"branch\"", "\"type\":\"tag\"", StringComparison.Ordinal);
        }

        using var response = await host.Client.SendAsync(Json(PathOf("bitbucket", "bb", GitHubSecret), body,
            ("X-Event-Key", eventKey), ("X-Request-UUID", Guid.NewGuid().ToString()), ("X-Hub-Signature", "sha256=" + HmacHex(GitHubSecret, body))));

        Assert.True(response.StatusCode == HttpStatusCode.OK, scenario + ": " + await response.Content.ReadAsStringAsync());
        Assert.Equal(refreshed, await RefreshedAsync(host));
    }

    [Theory]
    [InlineData("no signature", "repo:push", null, HttpStatusCode.Unauthorized, "missing signature")]
    [InlineData("another secret", "repo:push", "sha256=wrong-secret", HttpStatusCode.Unauthorized, "unauthorized")]
    [InlineData("sha1 digest", "repo:push", "sha1=", HttpStatusCode.Unauthorized, "unauthorized")]
    [InlineData("unsupported event", "pullrequest:created", "valid", HttpStatusCode.BadRequest, "event type pullrequest:created is not supported")]
    public async Task Push_Refused_RefreshesNothing(string scenario, string eventKey, string? signature, HttpStatusCode status, string message)
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var headers = new List<(string, string)> { ("X-Event-Key", eventKey) };
        if (signature is not null)
        {
            headers.Add(("X-Hub-Signature", signature switch
            {
                "valid" => "sha256=" + HmacHex(GitHubSecret, CloudPush),
                "sha256=wrong-secret" => "sha256=" + HmacHex("wrong-secret", CloudPush),
                _ => "sha1=" + HmacHex(GitHubSecret, CloudPush),
            }));
        }

        using var response = await host.Client.SendAsync(Json(PathOf("bitbucket", "bb", GitHubSecret), CloudPush, [.. headers]));

        Assert.True(response.StatusCode == status, scenario);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RefreshedAsync(host));
    }
}
