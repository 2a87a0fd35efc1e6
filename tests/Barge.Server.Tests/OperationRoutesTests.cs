using System.Net;
using System.Text;
using System.Text.Json;

namespace Barge.Server.Tests;

public sealed class OperationRoutesTests
{
    [Fact]
    public async Task Approve_ThenHistoryShowsItWithTheActor()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("releaser", "promoter@p1"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1beta1/projects/p1/freight/first-one/approve?stage=dev", null)).StatusCode);
        var freight = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/freight/first-one")).RootElement;
        Assert.True(freight.GetProperty("status").GetProperty("approvedFor").TryGetProperty("dev", out _));
        var history = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/history?stage=dev")).RootElement;
        var entry = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal("token:releaser", entry.GetProperty("record").GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("approve without stage", "/v1beta1/projects/p1/freight/first-one/approve", "", 400)]
    [InlineData("approve unknown freight", "/v1beta1/projects/p1/freight/nope/approve?stage=dev", "", 404)]
    [InlineData("reverify a Stage with no Freight", "/v1beta1/projects/p1/stages/dev/verification", "", 409)]
    [InlineData("downstream with nothing", "/v1beta1/projects/p1/stages/dev/promotions/downstream", "{}", 400)]
    [InlineData("downstream of unknown freight", "/v1beta1/projects/p1/stages/dev/promotions/downstream", "{\"freight\":\"nope\"}", 404)]
    public async Task Operations_BadRequests_AreProblems(string scenario, string path, string body, int status)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{scenario}: {(int)response.StatusCode} {text}");
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task History_BadSince_Is400()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var response = await client.GetAsync("/v1beta1/projects/p1/history?since=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
