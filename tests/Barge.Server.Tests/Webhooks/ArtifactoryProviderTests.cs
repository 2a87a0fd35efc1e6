using System.Net;
using static Barge.Server.Tests.Webhooks.WebhookScenario;

namespace Barge.Server.Tests.Webhooks;

public sealed class ArtifactoryProviderTests
{
    private static string Event(string repoKey = "docker-local", string path = "team/svc/1.2.0/manifest.json", string tag = "1.2.0", string imageType = "docker", string eventType = "pushed") => $$$"""
        {"domain":"docker","event_type":"{{{eventType}}}","jpd_origin":"https://jfrog.example.com",
         "data":{"repo_key":"{{{repoKey}}}","path":"{{{path}}}","name":"manifest.json","image_name":"team/svc","image_type":"{{{imageType}}}","tag":"{{{tag}}}"}}
        """;

    [Theory]
    [InlineData("image tag inside the constraint", "jf", "docker-local", "1.2.0", "docker", new[] { "demo/jf-image" })]
    [InlineData("image tag outside the constraint", "jf", "docker-local", "2.0.0", "docker", new string[0])]
    [InlineData("virtual repository of the receiver", "jf-virtual", "docker-remote", "1.2.0", "docker", new[] { "demo/jf-virtual-image" })]
    [InlineData("oci chart", "jf", "helm-local", "1.2.0", "oci", new[] { "demo/jf-chart" })]
    public async Task Pushed_Signed_RefreshesTheSubscribedRepository(string scenario, string receiver, string repoKey, string tag, string imageType, string[] refreshed)
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var path = imageType == "oci" ? $"charts/svc/{tag}/manifest.json" : $"team/svc/{tag}/manifest.json";
        var body = Event(repoKey, path, tag, imageType);

        using var response = await host.Client.SendAsync(Json(PathOf("artifactory", receiver, GitLabToken), body, ("X-Jfrog-Event-Auth", HmacHex(GitLabToken, body))));

        Assert.True(response.StatusCode == HttpStatusCode.OK, scenario + ": " + await response.Content.ReadAsStringAsync());
        Assert.Equal(refreshed, await RefreshedAsync(host));
    }

    [Theory]
    [InlineData("no signature", null, "pushed", "docker", HttpStatusCode.Unauthorized, "missing signature")]
    [InlineData("signed with another token", "other-token", "pushed", "docker", HttpStatusCode.Unauthorized, "unauthorized")]
    [InlineData("deleted event", "valid", "deleted", "docker", HttpStatusCode.NotImplemented, "event type must be 'pushed' and domain must be 'docker'")]
    [InlineData("unknown image type", "valid", "pushed", "npm", HttpStatusCode.NotImplemented, "unsupported image type")]
    public async Task Event_Refused_RefreshesNothing(string scenario, string? signer, string eventType, string imageType, HttpStatusCode status, string message)
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var body = Event(eventType: eventType, imageType: imageType);
        var headers = signer is null ? [] : new[] { ("X-Jfrog-Event-Auth", HmacHex(signer == "valid" ? GitLabToken : signer, body)) };

        using var response = await host.Client.SendAsync(Json(PathOf("artifactory", "jf", GitLabToken), body, headers));

        Assert.True(response.StatusCode == status, scenario);
        var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(await RefreshedAsync(host));
    }

    [Fact]
    public async Task Event_PathWithoutTagSegments_Is400()
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var body = Event(path: "svc");

        using var response = await host.Client.SendAsync(Json(PathOf("artifactory", "jf", GitLabToken), body, ("X-Jfrog-Event-Auth", HmacHex(GitLabToken, body))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid path", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
