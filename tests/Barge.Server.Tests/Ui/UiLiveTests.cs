using System.Net;
using System.Text;
using System.Text.Json;
using Barge.Storage;

namespace Barge.Server.Tests.Ui;

public sealed class UiLiveTests
{
    [Fact]
    public async Task PromotionLive_StatusChanges_SendsCurrentThenChangedFragmentAndResumes()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var csrf = await client.CsrfAsync();
        using var promoted = await client.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", csrf), ("freight", await UiClient.FreightNameAsync(server)));
        var location = promoted.Headers.Location!.OriginalString;
        var key = new ResourceKey("Promotion", "p1", location[(location.LastIndexOf('/') + 1)..]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        string firstId;
        using (var request = new HttpRequestMessage(HttpMethod.Get, location + "/live"))
        using (var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
            var first = await NextEventAsync(reader, timeout.Token);
            Assert.Equal("fragment", first.Event);
            Assert.Contains("id=\"promotion-live\"", first.Data, StringComparison.Ordinal);
            Assert.Contains("data-phase=\"Pending\"", first.Data, StringComparison.Ordinal);
            firstId = first.Id;

            await SetPhaseAsync(server.Store, key, "Running");
            var second = await NextEventAsync(reader, timeout.Token);
            Assert.Contains("data-phase=\"Running\"", second.Data, StringComparison.Ordinal);
            Assert.True(long.Parse(second.Id, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(firstId, System.Globalization.CultureInfo.InvariantCulture));
        }

        using var resume = new HttpRequestMessage(HttpMethod.Get, location + "/live");
        resume.Headers.Add("Last-Event-ID", firstId);
        using var resumed = await client.Http.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var resumedReader = new StreamReader(await resumed.Content.ReadAsStreamAsync(timeout.Token));
        var replayed = await NextEventAsync(resumedReader, timeout.Token);
        Assert.Contains("data-phase=\"Running\"", replayed.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromotionLive_OtherProjectsToken_Forbidden()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("p2-viewer", "viewer@p2"));

        var (status, _) = await client.GetAsync("/ui/projects/p1/promotions/anything/live");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task ProjectLive_StageOutsideTheCardPage_SendsNoCard()
    {
        await using var server = await UiStageCardPagesTests.StartWithStagesAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ui/projects/p1/live?cfirst=s00&clast=s49");
        using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        await SetHealthAsync(server.Store, new ResourceKey("Stage", "p1", "s55"));
        await SetHealthAsync(server.Store, new ResourceKey("Stage", "p1", "dev"));
        await SetHealthAsync(server.Store, new ResourceKey("Stage", "p1", "s10"));
        var first = await NextEventAsync(reader, timeout.Token);

        Assert.Equal("fragment", first.Event);
        Assert.Contains("id=\"stage-s10\"", first.Data, StringComparison.Ordinal);
    }

    private static async Task SetHealthAsync(IResourceStore store, ResourceKey key)
    {
        var current = await store.GetAsync(key) ?? throw new InvalidOperationException($"{key} is gone");
        await store.UpdateStatusAsync(key, current.ResourceVersion, JsonSerializer.SerializeToElement(new { health = new { status = "Healthy" } }));
    }

    private static async Task SetPhaseAsync(IResourceStore store, ResourceKey key, string phase)
    {
        var current = await store.GetAsync(key) ?? throw new InvalidOperationException($"{key} is gone");
        var status = JsonSerializer.SerializeToElement(new { phase });
        await store.UpdateStatusAsync(key, current.ResourceVersion, status);
    }

    private static async Task<(string Event, string Id, string Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string name = "", id = "";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return (name, id, data.ToString());
                }
                continue;
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line["id: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]).Append('\n');
            }
        }
        throw new InvalidOperationException("the event stream ended");
    }
}
