using System.Net;
using System.Text;
using System.Text.Json;
using Barge.Storage;

namespace Barge.Server.Tests.Api;

/// <summary><c>POST …/stages/{s}/promotions/dry-run</c> (Barge extension) over a real server and store.</summary>
public sealed class PromotionDryRunsTests
{
    private const string Path = "/v1beta1/projects/p1/stages/dev/promotions/dry-run";

    [Fact]
    public async Task DryRun_ByAlias_ReportsStepsAndPhaseAndStoresNothing()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("releaser", "promoter@p1"));

        using var response = await client.PostAsync(Path, Json("""{"freightAlias":"first-one"}"""));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var run = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Succeeded", run.GetProperty("phase").GetString());
        Assert.Matches("^dev\\.[0-9a-z]+\\.[0-9a-f]{7}$", run.GetProperty("promotion").GetString());
        var last = run.GetProperty("steps").EnumerateArray().Last();
        Assert.Equal("out", last.GetProperty("alias").GetString());
        Assert.Equal("compose-output", last.GetProperty("uses").GetString());
        Assert.Equal("Succeeded", last.GetProperty("status").GetString());
        Assert.Equal(0, last.GetProperty("index").GetInt32());
        Assert.Equal(1, last.GetProperty("count").GetInt32());
        Assert.Empty(run.GetProperty("diffs").EnumerateArray());
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"))).Items);
        Assert.False(Directory.Exists(System.IO.Path.Combine(server.Home, "work")) && Directory.EnumerateFileSystemEntries(System.IO.Path.Combine(server.Home, "work")).Any(),
            "the scratch work directory is removed");
    }

    [Theory]
    [InlineData("unknown alias", "{\"freightAlias\":\"nope\"}", 400, "BadInput")]
    [InlineData("two choices", "{\"freight\":\"f1\",\"origin\":\"Warehouse/w1\"}", 400, null)]
    [InlineData("bad origin", "{\"origin\":\"w1\"}", 400, null)]
    [InlineData("not JSON", "{", 400, null)]
    public async Task DryRun_BadRequest_IsAProblemAndStoresNothing(string scenario, string body, int status, string? reason)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();

        using var response = await client.PostAsync(Path, Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{scenario}: {(int)response.StatusCode} {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("error").GetString()));
        Assert.Equal(reason, problem.TryGetProperty("reason", out var r) ? r.GetString() : null);
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"))).Items);
    }

    [Fact]
    public async Task DryRun_UnknownStage_IsBadInputNamingTheStage()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();

        using var response = await client.PostAsync("/v1beta1/projects/p1/stages/qa/promotions/dry-run", Json("""{"freightAlias":"first-one"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Stage \"qa\" not found in project \"p1\"", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("viewer", "viewer@p1", 403)]
    [InlineData("promoter of another project", "promoter@p2", 403)]
    [InlineData("promoter", "promoter@p1", 200)]
    public async Task DryRun_AsRole_NeedsPromoter(string scenario, string role, int status)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("t1", role));

        using var response = await client.PostAsync(Path, Json("""{"freightAlias":"first-one"}"""));

        Assert.True(status == (int)response.StatusCode, $"{scenario}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task OpenApi_DocumentsTheDryRunRoute()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(token: null);

        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.True(openApi.GetProperty("paths").GetProperty("/v1beta1/projects/{project}/stages/{stage}/promotions/dry-run").TryGetProperty("post", out _));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
