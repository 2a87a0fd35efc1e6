using System.Net;

namespace Barge.Server.Tests.Ui;

public sealed class UiPagesTests
{
    [Fact]
    public async Task Projects_ProjectAdminOfP2_ListsOnlyP2()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("p2-admin", "admin@p2"));

        var (status, body) = await client.GetAsync("/ui");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/ui/projects/p2\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/ui/projects/p1\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projects_Admin_ShowsCountsAndSecurityHeaders()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        using var response = await client.Http.GetAsync("/ui");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("<td>1</td><td>1</td><td>1</td>", body, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Project_Viewer_ShowsGraphStageCardAndLaneWithoutPromote()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("viewer", "viewer@p1"));

        var (status, body) = await client.GetAsync("/ui/projects/p1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<svg", body, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Stage dev\"", body, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Warehouse w1 lane\"", body, StringComparison.Ordinal);
        Assert.Contains(">first-one</a>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("promote-drop", body, StringComparison.Ordinal);
        Assert.DoesNotContain("draggable=\"true\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_Promoter_ChipsDraggableOntoStages()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));

        var (_, body) = await client.GetAsync("/ui/projects/p1");

        Assert.Contains("id=\"promote-drop\"", body, StringComparison.Ordinal);
        Assert.Contains($"data-freight=\"{await UiClient.FreightNameAsync(server)}\" draggable=\"true\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("origin matches", "?origin=w1", true)]
    [InlineData("stage where the Freight is not", "?stage=dev", false)]
    public async Task Project_TimelineFilter_ShowsOrHidesFreight(string row, string query, bool shown)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (_, body) = await client.GetAsync("/ui/projects/p1" + query);

        Assert.Equal(shown, body.Contains("data-freight=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Project_OtherProjectsToken_Forbidden()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("p2-admin", "admin@p2"));

        var (status, body) = await client.GetAsync("/ui/projects/p1");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("viewer in project &quot;p1&quot; is required", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_Missing_NotFound()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (status, _) = await client.GetAsync("/ui/projects/nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Freight_ByAlias_ShowsArtifactsAndStageRow()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("viewer", "viewer@p1"));

        var (status, body) = await client.GetAsync("/ui/projects/p1/freight/first-one");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Warehouse/w1", body, StringComparison.Ordinal);
        Assert.Contains("registry.example.com/app:1.0.0", body, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">dev</th>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Promote to", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Freight_Promoter_ShowsPromoteAndApproveButtons()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));

        var (_, body) = await client.GetAsync("/ui/projects/p1/freight/first-one");

        Assert.Contains("aria-label=\"Promote to dev\"", body, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Approve for dev\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Freight_Unknown_NotFoundWithKargoMessage()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (status, body) = await client.GetAsync("/ui/projects/p1/freight/zzz");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Freight with name or alias &quot;zzz&quot; not found", body, StringComparison.Ordinal);
    }
}
