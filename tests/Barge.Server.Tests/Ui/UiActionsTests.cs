using System.Net;
using System.Text.Json;
using Barge.Storage;

namespace Barge.Server.Tests.Ui;

public sealed class UiActionsTests
{
    [Fact]
    public async Task Promote_Promoter_CreatesPromotionWithActorAndRedirectsToIt()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));
        var csrf = await client.CsrfAsync("/ui/projects/p1/freight/first-one");

        using var response = await client.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", csrf), ("freight", freight));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/ui/projects/p1/promotions/", location, StringComparison.Ordinal);
        var (status, body) = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("token:promoter", body, StringComparison.Ordinal);
        Assert.Contains("data-phase=\"Pending\"", body, StringComparison.Ordinal);
        Assert.Contains("Abort promotion", body, StringComparison.Ordinal);
        var promotions = await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"));
        Assert.Single(promotions.Items);
    }

    [Fact]
    public async Task Promote_ViewerForgedPostWithValidCsrf_ForbiddenAndNothingCreated()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("viewer", "viewer@p1"));
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", csrf), ("freight", freight));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"))).Items);
    }

    [Theory]
    [InlineData("missing token", null)]
    [InlineData("wrong token", "0000")]
    public async Task Promote_BadCsrf_RejectedAndNothingCreated(string row, string? csrf)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var fields = csrf is null ? new[] { ("freight", freight) } : [("_csrf", csrf), ("freight", freight)];

        using var response = await client.PostFormAsync("/ui/projects/p1/stages/dev/promote", fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("CSRF token is missing or invalid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"))).Items);
    }

    [Fact]
    public async Task Promote_AnotherSessionsCsrf_Rejected()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        using var victim = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        using var attacker = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var attackersCsrf = await attacker.CsrfAsync();

        using var response = await victim.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", attackersCsrf), ("freight", freight));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Promote_UnknownFreight_ShowsEngineError()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", csrf), ("freight", "nope"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nope", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_Promoter_RecordsApprovalForStage()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync($"/ui/projects/p1/freight/{freight}/approve", ("_csrf", csrf), ("stage", "dev"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await server.Store.GetAsync(new ResourceKey("Freight", "p1", freight));
        Assert.True(stored!.Status!.Value.GetProperty("approvedFor").TryGetProperty("dev", out _));
        var (_, page) = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("role=\"status\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_Viewer_Forbidden()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("viewer", "viewer@p1"));
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync($"/ui/projects/p1/freight/{freight}/approve", ("_csrf", csrf), ("stage", "dev"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var stored = await server.Store.GetAsync(new ResourceKey("Freight", "p1", freight));
        Assert.False(stored!.Status is { ValueKind: JsonValueKind.Object } status && status.TryGetProperty("approvedFor", out _));
    }

    [Fact]
    public async Task Abort_Promoter_RequestsAbortOnPromotion()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));
        var csrf = await client.CsrfAsync();
        using var promoted = await client.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", csrf), ("freight", freight));
        var location = promoted.Headers.Location!.OriginalString;
        var name = location[(location.LastIndexOf('/') + 1)..];

        using var response = await client.PostFormAsync(location + "/abort", ("_csrf", csrf));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var promotion = await server.Store.GetAsync(new ResourceKey("Promotion", "p1", name));
        using var abort = JsonDocument.Parse(promotion!.Annotations["kargo.akuity.io/abort"]);
        Assert.Equal("terminate", abort.RootElement.GetProperty("action").GetString());
        Assert.Equal("token:promoter", abort.RootElement.GetProperty("actor").GetString());
    }
}
