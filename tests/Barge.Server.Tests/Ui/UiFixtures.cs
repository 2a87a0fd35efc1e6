using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Barge.Storage;

namespace Barge.Server.Tests.Ui;

/// <summary>The UI tests' pipeline beyond <see cref="TestServer.Pipeline"/>: a Stage downstream of dev, and status written as the controllers would.</summary>
internal static class UiFixtures
{
    public const string DownstreamStage = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: test
          namespace: p1
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: w1
            sources:
              stages: [dev]
          promotionTemplate:
            spec:
              steps:
              - uses: compose-output
                as: out
                config:
                  hello: test
        """;

    /// <summary>Applies <see cref="TestServer.Pipeline"/> and <see cref="DownstreamStage"/>; returns the one Freight's name.</summary>
    public static async Task<string> ApplyWithDownstreamAsync(TestServer server)
    {
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var content = new StringContent(DownstreamStage, Encoding.UTF8, new MediaTypeHeaderValue("text/plain"));
        using var response = await client.PutAsync("/v1beta1/resources?upsert=true", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"apply failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return await UiClient.FreightNameAsync(server);
    }

    /// <summary>Marks the Freight as in and verified in dev (as the Stage reconciler records it).</summary>
    public static Task VerifiedInDevAsync(TestServer server, string freight) =>
        WriteStatusAsync(server, new ResourceKey("Freight", "p1", freight),
            """{"currentlyIn": {"dev": {"since": "2026-01-02T15:00:00Z"}}, "verifiedIn": {"dev": {"verifiedAt": "2026-01-02T15:05:00Z"}}}""");

    /// <summary>Gives dev the Freight as current with one finished verification (with an AnalysisRun).</summary>
    public static Task DevHoldsFreightAsync(TestServer server, string freight) =>
        WriteStatusAsync(server, new ResourceKey("Stage", "p1", "dev"), """
            {"freightHistory": [{"id": "c1", "items": {"Warehouse/w1": {"name": "FREIGHT", "origin": {"kind": "Warehouse", "name": "w1"}}},
              "verificationHistory": [
                {"id": "ver-2", "actor": "token:promoter", "phase": "Failed", "message": "error rate 7% above 5%", "startTime": "2026-01-02T16:00:00Z", "finishTime": "2026-01-02T16:01:00Z", "analysisRun": {"namespace": "p1", "name": "dev-run-2", "phase": "Failed"}},
                {"id": "ver-1", "phase": "Successful", "startTime": "2026-01-02T15:01:00Z", "finishTime": "2026-01-02T15:05:00Z"}
              ]}]}
            """.Replace("FREIGHT", freight, StringComparison.Ordinal));

    public static async Task WriteStatusAsync(TestServer server, ResourceKey key, string status)
    {
        var stored = await server.Store.GetAsync(key) ?? throw new InvalidOperationException($"{key} not found");
        using var document = JsonDocument.Parse(status);
        await server.Store.UpdateStatusAsync(stored.Key, stored.ResourceVersion, document.RootElement.Clone());
    }
}
