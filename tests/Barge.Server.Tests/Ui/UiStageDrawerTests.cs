using System.Net;
using Barge.Storage;

namespace Barge.Server.Tests.Ui;

public sealed class UiStageDrawerTests
{
    [Fact]
    public async Task Stage_FreightNotVerifiedUpstream_ListedWithEngineReasons()
    {
        await using var server = await TestServer.StartAsync();
        await UiFixtures.ApplyWithDownstreamAsync(server);
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (status, body) = await client.GetAsync("/ui/projects/p1/stages/test");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("No Freight is available to this Stage.", body, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"NotVerifiedUpstream\">Freight &quot;", body, StringComparison.Ordinal);
        Assert.Contains("has not been verified in Stage &quot;dev&quot;", body, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"NotApproved\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_FreightVerifiedUpstream_AvailableNotInWhyNot()
    {
        await using var server = await TestServer.StartAsync();
        var freight = await UiFixtures.ApplyWithDownstreamAsync(server);
        await UiFixtures.VerifiedInDevAsync(server, freight);
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (_, body) = await client.GetAsync("/ui/projects/p1/stages/test");

        Assert.Contains(">first-one</a></th><td>w1</td>", body, StringComparison.Ordinal);
        Assert.Contains("origins is available to it.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-reason=", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_SoakTimeLeft_ReasonAndAvailableAtShown()
    {
        await using var server = await TestServer.StartAsync();
        var freight = await UiFixtures.ApplyWithDownstreamAsync(server);
        var stored = await server.Store.GetAsync(new ResourceKey("Stage", "p1", "test"));
        var spec = System.Text.Json.Nodes.JsonNode.Parse(stored!.Spec.GetRawText())!;
        spec["requestedFreight"]![0]!["sources"]!["requiredSoakTime"] = "1h";
        await server.Store.UpdateAsync(ResourceUpdate.From(stored, System.Text.Json.JsonSerializer.SerializeToElement(spec)));
        var since = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await UiFixtures.WriteStatusAsync(server, new ResourceKey("Freight", "p1", freight),
            """{"currentlyIn": {"dev": {"since": "SINCE"}}, "verifiedIn": {"dev": {"verifiedAt": "SINCE"}}}""".Replace("SINCE", since, StringComparison.Ordinal));
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (_, body) = await client.GetAsync("/ui/projects/p1/stages/test");

        Assert.Contains("data-reason=\"SoakTimeRemaining\">", body, StringComparison.Ordinal);
        Assert.Contains("must soak in Stage &quot;dev&quot; for", body, StringComparison.Ordinal);
        Assert.Matches(@"</ul></td><td>\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ</td></tr>", body);
    }

    [Fact]
    public async Task Stage_VerificationHistory_NewestFirstWithAnalysisRun()
    {
        await using var server = await TestServer.StartAsync();
        var freight = await UiFixtures.ApplyWithDownstreamAsync(server);
        await UiFixtures.DevHoldsFreightAsync(server, freight);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("viewer", "viewer@p1"));

        var (_, body) = await client.GetAsync("/ui/projects/p1/stages/dev");

        var second = body.IndexOf("<code>ver-2</code>", StringComparison.Ordinal);
        var first = body.IndexOf("<code>ver-1</code>", StringComparison.Ordinal);
        Assert.True(second > 0 && first > second, "ver-2 (newer) is listed before ver-1");
        Assert.Contains("error rate 7% above 5%", body, StringComparison.Ordinal);
        Assert.Contains("<code>dev-run-2</code> Failed", body, StringComparison.Ordinal);
        Assert.Contains("2026-01-02 16:01:00Z", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_PromotionQueueAndHistory_SplitByPhase()
    {
        await using var server = await TestServer.StartAsync();
        var freight = await UiFixtures.ApplyWithDownstreamAsync(server);
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var csrf = await client.CsrfAsync();
        using var first = await client.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", csrf), ("freight", freight));
        using var second = await client.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", csrf), ("freight", freight));
        var finished = Name(first);
        await UiFixtures.WriteStatusAsync(server, new ResourceKey("Promotion", "p1", finished), """{"phase": "Succeeded", "startedAt": "2026-01-02T15:00:00Z", "finishedAt": "2026-01-02T15:00:03Z"}""");

        var (_, body) = await client.GetAsync("/ui/projects/p1/stages/dev");

        var queue = body.IndexOf("<h2>Promotion queue</h2>", StringComparison.Ordinal);
        var history = body.IndexOf("<h2>Promotion history</h2>", StringComparison.Ordinal);
        var pending = body.IndexOf(Name(second), StringComparison.Ordinal);
        var done = body.IndexOf(finished + "</a>", StringComparison.Ordinal);
        Assert.True(queue < pending && pending < history && history < done, "the pending Promotion is queued, the succeeded one is history");
        Assert.Contains("<td>3.0s</td>", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer", "viewer@p1", false)]
    [InlineData("promoter", "promoter@p1", true)]
    [InlineData("admin", "admin@p1", true)]
    public async Task Stage_ByRole_RefreshAndReverifyOnlyForPromoters(string name, string role, bool shown)
    {
        await using var server = await TestServer.StartAsync();
        await UiFixtures.ApplyWithDownstreamAsync(server);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync(name, role));

        var (_, body) = await client.GetAsync("/ui/projects/p1/stages/dev");

        Assert.Equal(shown, body.Contains("aria-label=\"Refresh Stage dev\"", StringComparison.Ordinal));
        Assert.Equal(shown, body.Contains("aria-label=\"Reverify Stage dev\"", StringComparison.Ordinal));
    }

    private static string Name(HttpResponseMessage response)
    {
        var location = response.Headers.Location!.OriginalString;
        return location[(location.LastIndexOf('/') + 1)..];
    }
}
