using System.Net;
using System.Text;

namespace Barge.Server.Tests;

/// <summary>The scenario through the API with the controllers hosted in the server process.</summary>
public sealed class HostedControllersTests
{
    [Fact]
    public async Task ApplyPromoteAndWatch_PromotionReachesSucceededOverSse()
    {
        await using var server = await TestServer.StartAsync(o => o with { RunControllers = true });
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("ci", "promoter@p1"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1beta1/projects/p1/stages/dev/refresh", null, cts.Token)).StatusCode);
        using var promote = await client.PostAsync("/v1beta1/projects/p1/stages/dev/promotions",
            new StringContent("{\"freightAlias\":\"first-one\"}", Encoding.UTF8, "application/json"), cts.Token);
        Assert.Equal(HttpStatusCode.Created, promote.StatusCode);
        var created = System.Text.Json.JsonDocument.Parse(await promote.Content.ReadAsStringAsync(cts.Token)).RootElement;
        var name = created.GetProperty("metadata").GetProperty("name").GetString();
        var freight = created.GetProperty("spec").GetProperty("freight").GetString()!;
        await using var events = await SseReader.OpenAsync(client, $"/v1beta1/projects/p1/promotions/{name}?watch=true", null, cts.Token);
        var phases = new List<string>();
        while (true)
        {
            var (_, data) = await events.NextAsync(cts.Token);
            var phase = data.GetProperty("object").TryGetProperty("status", out var status) && status.TryGetProperty("phase", out var p) ? p.GetString() ?? "" : "";
            phases.Add(phase);
            if (phase is "Succeeded" or "Failed" or "Errored" or "Aborted")
            {
                break;
            }
        }
        Assert.Equal("Succeeded", phases[^1]);
        var stage = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/stages/dev", cts.Token)).RootElement;
        Assert.Contains(freight, stage.GetProperty("status").GetRawText(), StringComparison.Ordinal);
    }
}
