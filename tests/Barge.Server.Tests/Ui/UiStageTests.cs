using System.Net;

namespace Barge.Server.Tests.Ui;

public sealed class UiStageTests
{
    [Theory]
    [InlineData("viewer", "viewer@p1", false)]
    [InlineData("promoter", "promoter@p1", true)]
    public async Task Stage_ByRole_ShowsAvailableFreightTemplateAndPromoteOnlyForPromoter(string name, string role, bool canPromote)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync(name, role));

        var (status, body) = await client.GetAsync("/ui/projects/p1/stages/dev");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Stage dev</h1>", body, StringComparison.Ordinal);
        Assert.Contains(">first-one</a></th><td>w1</td>", body, StringComparison.Ordinal);
        Assert.Contains("<li>compose-output as out</li>", body, StringComparison.Ordinal);
        Assert.Equal(canPromote, body.Contains("aria-label=\"Promote first-one\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stage_Unknown_NotFound()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (status, body) = await client.GetAsync("/ui/projects/p1/stages/nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("stages.kargo.akuity.io &quot;nope&quot; not found", body, StringComparison.Ordinal);
    }
}
