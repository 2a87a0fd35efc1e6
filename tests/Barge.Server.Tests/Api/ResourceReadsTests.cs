using System.Net;
using System.Text.Json;

namespace Barge.Server.Tests.Api;

/// <summary><see cref="Barge.Server.Api.ResourceReads.FreightForStageAsync"/> through <c>GET …/freight?stage=S&amp;availability=all</c> (Barge extension).</summary>
public sealed class ResourceReadsTests
{
    [Fact]
    public async Task FreightForStage_All_ListsEveryFreightOfItsOriginsWithVerdicts()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("reader", "viewer@p1"));

        var text = await client.GetStringAsync("/v1beta1/projects/p1/freight?stage=dev&availability=all");

        var body = JsonDocument.Parse(text).RootElement;
        var item = Assert.Single(body.GetProperty("groups").GetProperty("").GetProperty("items").EnumerateArray());
        Assert.Equal("first-one", item.GetProperty("alias").GetString());
        var verdict = body.GetProperty("availability").GetProperty(item.GetProperty("metadata").GetProperty("name").GetString()!);
        Assert.Equal("Direct", verdict.GetProperty("route").GetString());
        Assert.Empty(verdict.GetProperty("reasons").EnumerateArray());
    }

    [Theory]
    [InlineData("unknown stage", "stage=qa&availability=all", 404, "Stage \"qa\" not found in project \"p1\"")]
    [InlineData("origin not requested", "stage=dev&availability=all&origins=w9", 400, "Stage \"dev\" in project \"p1\" does not request Freight from Warehouse \"w9\"")]
    [InlineData("without stage", "availability=all", 400, "availability=all: only availability=all is supported, with stage=<name>")]
    [InlineData("other value", "stage=dev&availability=some", 400, "availability=some: only availability=all is supported, with stage=<name>")]
    public async Task FreightForStage_BadQuery_IsAProblem(string scenario, string query, int status, string message)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();

        using var response = await client.GetAsync("/v1beta1/projects/p1/freight?" + query);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{scenario}: {(int)response.StatusCode} {text}");
        Assert.Equal(message, JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task FreightForStage_WithoutAvailability_KeepsKargoShape()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();

        using var response = await client.GetAsync("/v1beta1/projects/p1/freight?stage=dev");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("availability", out _));
    }
}
