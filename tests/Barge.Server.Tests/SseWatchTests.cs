using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Barge.Server.Tests;

public sealed class SseWatchTests
{
    [Fact]
    public async Task WatchPromotions_StreamsCreatedPromotion_WithResourceVersionIds()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = await SseReader.OpenAsync(client, "/v1beta1/projects/p1/promotions?watch=true", null, cts.Token);
        using var promote = await client.PostAsync("/v1beta1/projects/p1/stages/dev/promotions", new StringContent("{\"freightAlias\":\"first-one\"}", Encoding.UTF8, "application/json"), cts.Token);
        Assert.Equal(HttpStatusCode.Created, promote.StatusCode);
        var added = await events.NextAsync(cts.Token);
        Assert.Equal("ADDED", added.Data.GetProperty("type").GetString());
        Assert.Equal("Promotion", added.Data.GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal(added.Data.GetProperty("object").GetProperty("metadata").GetProperty("resourceVersion").GetString(), added.Id);
    }

    [Fact]
    public async Task WatchStage_FirstEventIsCurrentState_ThenModified_AndLastEventIdResumes()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string lastId;
        await using (var events = await SseReader.OpenAsync(client, "/v1beta1/projects/p1/stages/dev?watch=true", null, cts.Token))
        {
            var first = await events.NextAsync(cts.Token);
            Assert.Equal("ADDED", first.Data.GetProperty("type").GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1beta1/projects/p1/stages/dev/refresh", null, cts.Token)).StatusCode);
            var modified = await events.NextAsync(cts.Token);
            Assert.Equal("MODIFIED", modified.Data.GetProperty("type").GetString());
            lastId = first.Id;
        }
        // Resuming from the first event's id replays the refresh that came after it, and nothing before.
        await using var resumed = await SseReader.OpenAsync(client, "/v1beta1/projects/p1/stages/dev?watch=true", lastId, cts.Token);
        var replayed = await resumed.NextAsync(cts.Token);
        Assert.Equal("MODIFIED", replayed.Data.GetProperty("type").GetString());
        Assert.True(long.Parse(replayed.Id, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(lastId, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WatchOneStage_ChangesOfOtherObjects_AreNotSent()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // A second Stage changes after dev: a watch of dev must neither replay it nor report it as DELETED.
        const string Other = """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: other
              namespace: p1
            spec:
              requestedFreight:
              - origin:
                  kind: Warehouse
                  name: w1
                sources:
                  direct: true
            """;
        using var body = new StringContent(Other, System.Text.Encoding.UTF8, "application/yaml");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/v1beta1/resources", body, cts.Token)).StatusCode);
        await using var events = await SseReader.OpenAsync(client, "/v1beta1/projects/p1/stages/dev?watch=true", null, cts.Token);
        var first = await events.NextAsync(cts.Token);
        Assert.Equal("dev", first.Data.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1beta1/projects/p1/stages/other/refresh", null, cts.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1beta1/projects/p1/stages/dev/refresh", null, cts.Token)).StatusCode);
        var next = await events.NextAsync(cts.Token);
        Assert.Equal("MODIFIED", next.Data.GetProperty("type").GetString());
        Assert.Equal("dev", next.Data.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Watch_SendsHeartbeatComments()
    {
        await using var server = await TestServer.StartAsync(o => o with { WatchHeartbeat = TimeSpan.FromMilliseconds(100) });
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = await SseReader.OpenAsync(client, "/v1beta1/projects/p1/warehouses?watch=true", null, cts.Token);
        Assert.Equal("ADDED", (await events.NextAsync(cts.Token)).Data.GetProperty("type").GetString());
        Assert.True(await events.SawCommentAsync(": keepalive", cts.Token));
    }

    [Fact]
    public async Task Watch_MissingObject_Is404NotAStream()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var response = await client.GetAsync("/v1beta1/projects/p1/stages/nope?watch=true");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
