using System.Net;

namespace Barge.Server.Tests.Ui;

public sealed class UiHistoryTests
{
    [Theory]
    [InlineData("no filter", "", true)]
    [InlineData("matching origin", "?origin=w1", true)]
    [InlineData("other origin", "?origin=w9", false)]
    [InlineData("matching actor", "?actor=token:promoter", true)]
    [InlineData("other stage", "?stage=prod", false)]
    public async Task History_AfterUiPromotion_FiltersRows(string row, string query, bool shown)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var promoter = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));
        var csrf = await promoter.CsrfAsync();
        using var promoted = await promoter.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", csrf), ("freight", await UiClient.FreightNameAsync(server)));
        Assert.Equal(HttpStatusCode.SeeOther, promoted.StatusCode);
        using var viewer = await UiClient.SignedInAsync(server, await server.TokenAsync("viewer", "viewer@p1"));

        var (status, body) = await viewer.GetAsync("/ui/projects/p1/history" + query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(shown, body.Contains("<td>token:promoter</td><td>dev</td><td>w1</td>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task History_BadSince_400WithExample()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (status, body) = await client.GetAsync("/ui/projects/p1/history?since=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("expected an RFC 3339 time", body, StringComparison.Ordinal);
    }
}
