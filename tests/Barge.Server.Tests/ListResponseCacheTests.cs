using System.Net;
using System.Text;
using System.Text.Json;
using Barge.Server.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Barge.Server.Tests;

public sealed class ListResponseCacheTests
{
    private const string SecondFreight = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Freight
        metadata:
          name: f2
          namespace: p1
        origin:
          kind: Warehouse
          name: w1
        images:
        - repoURL: registry.example.com/app
          tag: 2.0.0
          digest: sha256:0000000000000000000000000000000000000000000000000000000000000002
        """;

    [Theory]
    [InlineData("stages", "/v1beta1/projects/p1/stages", "items")]
    [InlineData("stages by origin", "/v1beta1/projects/p1/stages?freightOrigins=w1", "items")]
    [InlineData("warehouses", "/v1beta1/projects/p1/warehouses", "items")]
    [InlineData("promotions", "/v1beta1/projects/p1/promotions?stage=dev", "items")]
    [InlineData("freight by origin", "/v1beta1/projects/p1/freight?origins=w1", "groups")]
    [InlineData("freight reversed", "/v1beta1/projects/p1/freight?reverse=true", "groups")]
    public async Task List_RepeatedWithoutWrite_ServedFromCacheAndAWriteIsSeenAtOnce(string scenario, string path, string member)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var cache = server.App.Services.GetRequiredService<ListResponseCache>();
        using var client = server.Client();
        var first = await client.GetStringAsync(path);
        var hits = cache.Hits;
        var second = await client.GetStringAsync(path);
        Assert.True(cache.Hits == hits + 1, scenario + ": the second read should be a cache hit");
        Assert.Equal(first, second);
        Assert.True(JsonDocument.Parse(second).RootElement.TryGetProperty(member, out _), second);

        // A write of the listed kind (or anything) moves the version: the next answer is read afresh.
        using var promote = await client.PostAsync("/v1beta1/projects/p1/stages/dev/promotions",
            new StringContent("{\"freightAlias\":\"first-one\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, promote.StatusCode);
        using var applied = await client.PostAsync("/v1beta1/resources", new StringContent(SecondFreight, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        hits = cache.Hits;
        var third = await client.GetStringAsync(path);
        Assert.Equal(hits, cache.Hits);
        if (scenario.StartsWith("promotions", StringComparison.Ordinal))
        {
            Assert.Equal(1, JsonDocument.Parse(third).RootElement.GetProperty("items").GetArrayLength());
        }
        if (scenario.StartsWith("freight", StringComparison.Ordinal))
        {
            Assert.Equal(2, JsonDocument.Parse(third).RootElement.GetProperty("groups").GetProperty("").GetProperty("items").GetArrayLength());
        }
        Assert.NotEqual(
            JsonDocument.Parse(second).RootElement.GetProperty(member).ToString() + Version(second),
            JsonDocument.Parse(third).RootElement.GetProperty(member).ToString() + Version(third));
    }

    [Theory]
    [InlineData("gzip accepted", "gzip, deflate", true)]
    [InlineData("gzip refused by q=0", "gzip;q=0, identity", false)]
    [InlineData("no header", "", false)]
    public async Task List_AcceptEncoding_GzipOnlyWhenAccepted(string scenario, string acceptEncoding, bool gzipped)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        var plain = await client.GetStringAsync("/v1beta1/projects/p1/stages");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1beta1/projects/p1/stages");
        if (acceptEncoding.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(gzipped == response.Content.Headers.ContentEncoding.Contains("gzip"), scenario);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var text = gzipped
            ? new StreamReader(new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)).ReadToEnd()
            : Encoding.UTF8.GetString(bytes);
        Assert.Equal(plain, text);
    }

    [Fact]
    public async Task FreightAvailableToStage_NeverCached()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var cache = server.App.Services.GetRequiredService<ListResponseCache>();
        using var client = server.Client();
        for (var i = 0; i < 3; i++)
        {
            var body = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/freight?stage=dev")).RootElement;
            Assert.Equal(1, body.GetProperty("groups").GetProperty("").GetProperty("items").GetArrayLength());
            Assert.False(body.TryGetProperty("resourceVersion", out _));
        }
        Assert.Equal(0, cache.Hits);
    }

    [Fact]
    public async Task FreightQuery_UnknownStage_IsNotFound()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var response = await client.GetAsync("/v1beta1/projects/p1/freight?stage=nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Equal("Stage \"nope\" not found in project \"p1\"", error);
    }

    private static string Version(string body)
    {
        var root = JsonDocument.Parse(body).RootElement;
        return root.TryGetProperty("metadata", out var metadata)
            ? metadata.GetProperty("resourceVersion").GetString()!
            : root.GetProperty("resourceVersion").GetString()!;
    }
}
