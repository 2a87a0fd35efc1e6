using System.Net;
using Barge.Storage;

namespace Barge.Server.Tests.Ui;

public sealed class UiStageActionsTests
{
    [Fact]
    public async Task RefreshStage_Promoter_SetsRefreshAnnotationAndShowsNotice()
    {
        await using var server = await TestServer.StartAsync();
        await UiFixtures.ApplyWithDownstreamAsync(server);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));
        var csrf = await client.CsrfAsync("/ui/projects/p1/stages/dev");

        using var response = await client.PostFormAsync("/ui/projects/p1/stages/dev/refresh", ("_csrf", csrf));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True((await server.Store.GetAsync(new ResourceKey("Stage", "p1", "dev")))!.Annotations.ContainsKey("kargo.akuity.io/refresh"));
        var (_, page) = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Refresh requested for Stage &quot;dev&quot;.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reverify_Promoter_RequestsReverificationOfCurrentVerification()
    {
        await using var server = await TestServer.StartAsync();
        var freight = await UiFixtures.ApplyWithDownstreamAsync(server);
        await UiFixtures.DevHoldsFreightAsync(server, freight);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));
        var csrf = await client.CsrfAsync("/ui/projects/p1/stages/dev");

        using var response = await client.PostFormAsync("/ui/projects/p1/stages/dev/reverify", ("_csrf", csrf));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stage = await server.Store.GetAsync(new ResourceKey("Stage", "p1", "dev"));
        Assert.Contains("ver-2", stage!.Annotations["kargo.akuity.io/reverify"], StringComparison.Ordinal);
        Assert.Contains("token:promoter", stage.Annotations["kargo.akuity.io/reverify"], StringComparison.Ordinal);
        var (_, page) = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("re-verification of verification &quot;ver-2&quot; requested", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reverify_NoCurrentFreight_ConflictPageWithEngineMessage()
    {
        await using var server = await TestServer.StartAsync();
        await UiFixtures.ApplyWithDownstreamAsync(server);
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync("/ui/projects/p1/stages/dev/reverify", ("_csrf", csrf));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("has no current Freight", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("refresh, viewer", "/ui/projects/p1/stages/dev/refresh", "viewer@p1", true)]
    [InlineData("refresh, no CSRF", "/ui/projects/p1/stages/dev/refresh", "admin@p1", false)]
    [InlineData("reverify, viewer", "/ui/projects/p1/stages/dev/reverify", "viewer@p1", true)]
    [InlineData("reverify, no CSRF", "/ui/projects/p1/stages/dev/reverify", "promoter@p1", false)]
    [InlineData("downstream, viewer", "/ui/projects/p1/freight/first-one/downstream", "viewer@p1", true)]
    [InlineData("downstream, no CSRF", "/ui/projects/p1/freight/first-one/downstream", "promoter@p1", false)]
    public async Task Action_RefusedPost_ForbiddenAndNothingWritten(string row, string path, string role, bool validCsrf)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        var freight = await UiFixtures.ApplyWithDownstreamAsync(server);
        await UiFixtures.DevHoldsFreightAsync(server, freight);
        await UiFixtures.VerifiedInDevAsync(server, freight);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("someone", role));
        var csrf = validCsrf ? await client.CsrfAsync() : "";
        var before = await server.Store.GetResourceVersionAsync();

        using var response = await client.PostFormAsync(path, ("_csrf", csrf), ("stage", "dev"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await server.Store.GetResourceVersionAsync());
    }

    [Theory]
    [InlineData("unknown Stage, refresh", "/ui/projects/p1/stages/nope/refresh", "dev")]
    [InlineData("unknown Stage, reverify", "/ui/projects/p1/stages/nope/reverify", "dev")]
    [InlineData("unknown Freight, downstream", "/ui/projects/p1/freight/nope/downstream", "dev")]
    [InlineData("unknown upstream Stage, downstream", "/ui/projects/p1/freight/first-one/downstream", "nope")]
    [InlineData("unknown project", "/ui/projects/nope/stages/dev/refresh", "dev")]
    public async Task Action_UnknownName_NotFoundPage(string row, string path, string stage)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        await UiFixtures.ApplyWithDownstreamAsync(server);
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync(path, ("_csrf", csrf), ("stage", stage));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nope", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downstream_VerifiedInDev_CreatesPromotionToTestWithActor()
    {
        await using var server = await TestServer.StartAsync();
        var freight = await UiFixtures.ApplyWithDownstreamAsync(server);
        await UiFixtures.DevHoldsFreightAsync(server, freight);
        await UiFixtures.VerifiedInDevAsync(server, freight);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));
        var csrf = await client.CsrfAsync("/ui/projects/p1/freight/first-one");

        using var response = await client.PostFormAsync("/ui/projects/p1/freight/first-one/downstream", ("_csrf", csrf), ("stage", "dev"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var promotion = Assert.Single((await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"))).Items);
        Assert.Equal("test", promotion.Spec.GetProperty("stage").GetString());
        Assert.Equal("token:promoter", promotion.Annotations["kargo.akuity.io/create-actor"]);
        var (_, page) = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("1 Promotion(s) created downstream of Stage &quot;dev&quot;: test (" + promotion.Key.Name + ")", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downstream_NotVerifiedInDev_RefusedWithEngineMessage()
    {
        await using var server = await TestServer.StartAsync();
        await UiFixtures.ApplyWithDownstreamAsync(server);
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync("/ui/projects/p1/freight/first-one/downstream", ("_csrf", csrf), ("stage", "dev"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dev", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"))).Items);
    }

    [Theory]
    [InlineData("viewer, verified", "viewer@p1", true, false)]
    [InlineData("promoter, verified", "promoter@p1", true, true)]
    [InlineData("promoter, not verified", "promoter@p1", false, false)]
    public async Task FreightPage_PromoteDownstream_OnlyForPromotersWhenVerified(string row, string role, bool verified, bool shown)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        var freight = await UiFixtures.ApplyWithDownstreamAsync(server);
        if (verified)
        {
            await UiFixtures.VerifiedInDevAsync(server, freight);
        }
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("someone", role));

        var (_, body) = await client.GetAsync("/ui/projects/p1/freight/first-one");

        Assert.Equal(shown, body.Contains("aria-label=\"Promote downstream from dev\"", StringComparison.Ordinal));
        Assert.DoesNotContain("aria-label=\"Promote downstream from test\"", body, StringComparison.Ordinal);
    }
}
