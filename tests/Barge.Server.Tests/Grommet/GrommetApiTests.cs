using System.Net;
using System.Text;
using System.Text.Json;
using Barge.Testing.Grommet;

namespace Barge.Server.Tests.Grommet;

/// <summary>
/// Issue 7's acceptance: the grommet scenario driven only through the API of a real server (controllers
/// on, SQLite store, real git remotes and registry). Nothing but HTTP touches Barge: apply, refresh,
/// wait for Freight from each origin, promote the release by origin, follow the Promotion over SSE,
/// then read the config repository and the history endpoint.
/// </summary>
public sealed class GrommetApiTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly GrommetWorld _remotes = new();

    public void Dispose() => _remotes.Dispose();

    [Fact]
    public async Task GrommetScenario_OnlyThroughTheApi_ReleasePromotedToDevByOrigin()
    {
        _remotes.CommitAndTag("dev-1");
        await _remotes.PushImageAsync("dev-1", T0.AddHours(1));
        var releaseCommit = _remotes.CommitAndTag("v1.0.0");
        await _remotes.PushImageAsync("v1.0.0", T0.AddHours(2));
        await using var server = await TestServer.StartAsync(o => o with { RunControllers = true });
        using var client = server.Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;

        using (var applied = await client.PostAsync("/v1beta1/resources", new StringContent(_remotes.Pipeline(), Encoding.UTF8, "text/plain"), ct))
        {
            var body = await applied.Content.ReadAsStringAsync(ct);
            Assert.True(applied.StatusCode == HttpStatusCode.Created, body);
            Assert.Equal(7, JsonDocument.Parse(body).RootElement.GetProperty("results").GetArrayLength());
        }
        foreach (var warehouse in new[] { "grommet-dev", "grommet-release" })
        {
            using var refreshed = await client.PostAsync($"/v1beta1/projects/grommet/warehouses/{warehouse}/refresh", null, ct);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        }
        var devFreight = await WaitForFreightAsync(client, "grommet-dev", ct);
        var releaseFreight = await WaitForFreightAsync(client, "grommet-release", ct);
        Assert.Contains("v1.0.0", releaseFreight.GetRawText(), StringComparison.Ordinal);
        // The repeated-key and comma-joined forms of origins both select (kargo-rest-api.md §1.7).
        var both = await GetJsonAsync(client, "/v1beta1/projects/grommet/freight?origins=grommet-dev,grommet-release", ct);
        Assert.Equal(2, both.GetProperty("groups").GetProperty("").GetProperty("items").GetArrayLength());

        // dev auto-promotes dev builds only; let that finish so the release is the last word in dev.
        await WaitForPromotionAsync(client, devFreight.GetProperty("metadata").GetProperty("name").GetString()!, ct);

        using var promote = await client.PostAsync("/v1beta1/projects/grommet/stages/dev/promotions",
            new StringContent("""{"freight":"","freightAlias":"","origin":"Warehouse/grommet-release"}""", Encoding.UTF8, "application/json"), ct);
        var promoteBody = await promote.Content.ReadAsStringAsync(ct);
        Assert.True(promote.StatusCode == HttpStatusCode.Created, promoteBody);
        var promotion = JsonDocument.Parse(promoteBody).RootElement;
        var name = promotion.GetProperty("metadata").GetProperty("name").GetString()!;
        Assert.Equal(releaseFreight.GetProperty("metadata").GetProperty("name").GetString(), promotion.GetProperty("spec").GetProperty("freight").GetString());

        await using (var events = await SseReader.OpenAsync(client, $"/v1beta1/projects/grommet/promotions/{name}?watch=true", null, ct))
        {
            var phase = "";
            var seen = new List<string>();
            while (phase is not ("Succeeded" or "Failed" or "Errored" or "Aborted"))
            {
                var (_, data) = await events.NextAsync(ct);
                phase = PhaseOf(data.GetProperty("object"));
                seen.Add(phase);
            }
            Assert.True(phase == "Succeeded", "phases seen over SSE: " + string.Join(", ", seen));
        }

        var history = await GetJsonAsync(client, "/v1beta1/projects/grommet/history?stage=dev&origin=grommet-release&type=PromotionFinished", ct);
        var row = Assert.Single(history.GetProperty("items").EnumerateArray()).GetProperty("record");
        Assert.Equal("grommet-release", row.GetProperty("origin").GetString());
        Assert.Equal(name, row.GetProperty("promotion").GetString());
        Assert.Equal("Succeeded", row.GetProperty("phase").GetString());
        Assert.Equal("admin", row.GetProperty("actor").GetString());
        var pushed = Assert.Single(row.GetProperty("commits").EnumerateArray()).GetString()!;
        var sha = pushed[(pushed.LastIndexOf('@') + 1)..];

        var clone = _remotes.CloneConfig("after-release");
        Assert.Equal(sha, _remotes.Git(clone, "rev-parse", "HEAD").Trim());
        var values = File.ReadAllText(Path.Combine(clone, "env", "dev", "values.yaml"));
        Assert.Contains($"desiredRevision: {releaseCommit}", values, StringComparison.Ordinal);
        Assert.Contains("imageTag: v1.0.0", values, StringComparison.Ordinal);
        Assert.Contains("source: grommet-release", values, StringComparison.Ordinal);
        Assert.StartsWith("Release ", _remotes.Git(clone, "log", "-1", "--format=%s"), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForFreightAsync(HttpClient client, string origin, CancellationToken ct)
    {
        while (true)
        {
            var query = await GetJsonAsync(client, $"/v1beta1/projects/grommet/freight?origins={origin}", ct);
            var items = query.GetProperty("groups").GetProperty("").GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                var freight = Assert.Single(items.EnumerateArray());
                Assert.Equal(origin, freight.GetProperty("origin").GetProperty("name").GetString());
                return freight;
            }
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Waits until a Promotion of the Freight to dev is terminal, and requires it to have succeeded.</summary>
    private static async Task WaitForPromotionAsync(HttpClient client, string freight, CancellationToken ct)
    {
        while (true)
        {
            var list = await GetJsonAsync(client, "/v1beta1/projects/grommet/promotions?stage=dev", ct);
            var mine = list.GetProperty("items").EnumerateArray()
                .Where(p => p.GetProperty("spec").GetProperty("freight").GetString() == freight).ToList();
            if (mine.Count > 0 && PhaseOf(mine[0]) is "Succeeded" or "Failed" or "Errored" or "Aborted")
            {
                Assert.Equal("Succeeded", PhaseOf(mine[0]));
                return;
            }
            await Task.Delay(100, ct);
        }
    }

    private static string PhaseOf(JsonElement promotion) =>
        promotion.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("phase", out var phase) ? phase.GetString() ?? "" : "";

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
