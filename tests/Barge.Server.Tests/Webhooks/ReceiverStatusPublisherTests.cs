using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Credentials;
using Barge.Storage;
using Xunit;
using static Barge.Server.Tests.Webhooks.WebhookScenario;

namespace Barge.Server.Tests.Webhooks;

public sealed class ReceiverStatusPublisherTests
{
    [Fact]
    public async Task SecretRotation_MovesThePublishedPathAndTheReceiver()
    {
        await using var host = await WebhookHost.StartAsync();
        await SeedAsync(host);
        var oldPath = PathOf("github", "gh", GitHubSecret);
        Assert.Equal(oldPath, await WaitForGitHubPathAsync(host, p => p is not null));

        var key = new ResourceKey("Secret", Project, "hooks");
        var stored = await host.Store.GetAsync(key);
        var rotated = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["stringData"] = new JsonObject { ["secret"] = "rotated", ["secret-token"] = GitLabToken, ["auth-header"] = HarborAuth },
        });
        Assert.True(SecretSealing.TrySeal(rotated, stored!.Spec, Project, "hooks", host.Cipher, out var sealedPayload, out var error), error);
        await host.Store.UpdateAsync(ResourceUpdate.From(stored, sealedPayload.Value));

        var newPath = PathOf("github", "gh", "rotated");
        Assert.Equal(newPath, await WaitForGitHubPathAsync(host, p => p != oldPath));
        using var old = await host.Client.SendAsync(GitHubPush(GitHubPushBody("example/app", "refs/heads/main")));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        using var request = GitHubPush(GitHubPushBody("example/app", "refs/heads/main"), secret: "rotated");
        request.RequestUri = new Uri(newPath, UriKind.Relative);
        using var current = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    private static async Task<string?> WaitForGitHubPathAsync(WebhookHost host, Func<string?, bool> done)
    {
        string? path = null;
        for (var i = 0; i < 100; i++)
        {
            var stored = await host.Store.GetAsync(new ResourceKey("ProjectConfig", Project, Project));
            path = stored?.Status is { } status
                ? JsonNode.Parse(status.GetRawText())?["webhookReceivers"]?.AsArray().FirstOrDefault(r => r?["name"]?.GetValue<string>() == "gh")?["path"]?.GetValue<string>()
                : null;
            if (done(path))
            {
                return path;
            }
            await Task.Delay(100);
        }
        return path;
    }
}
