using System.Net.Http.Headers;
using System.Text;
using Barge.Ui.Tests.Harness;

namespace Barge.Ui.Tests.GrommetUi;

/// <summary>
/// The grommet project's shape (two Warehouses, grommet-dev and grommet-release, both feeding dev) with
/// one Freight per origin, applied through the REST API. The dev Stage's promotion runs one
/// <c>compose-output</c> step, so a promotion succeeds without outside repositories.
/// </summary>
internal static class GrommetPipeline
{
    public const string Manifests = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: grommet
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: grommet-dev
          namespace: grommet
        spec:
          subscriptions:
          - image:
              repoURL: registry.example.com/grommet
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: grommet-release
          namespace: grommet
        spec:
          subscriptions:
          - image:
              repoURL: registry.example.com/grommet
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: dev
          namespace: grommet
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: grommet-dev
            sources:
              direct: true
          - origin:
              kind: Warehouse
              name: grommet-release
            sources:
              direct: true
          promotionTemplate:
            spec:
              steps:
              - uses: compose-output
                as: deployed
                config:
                  env: dev
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Freight
        metadata:
          name: dev-build
          namespace: grommet
        alias: nightly-build
        origin:
          kind: Warehouse
          name: grommet-dev
        images:
        - repoURL: registry.example.com/grommet
          tag: 1.4.0-rc.2
          digest: sha256:00000000000000000000000000000000000000000000000000000000000000d2
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Freight
        metadata:
          name: release-build
          namespace: grommet
        alias: release-one
        origin:
          kind: Warehouse
          name: grommet-release
        images:
        - repoURL: registry.example.com/grommet
          tag: 1.3.1
          digest: sha256:0000000000000000000000000000000000000000000000000000000000000131
        """;

    public static async Task ApplyAsync(UiServer server)
    {
        using var client = Admin(server);
        using var response = await client.PutAsync("/v1beta1/resources?upsert=true", new StringContent(Manifests, Encoding.UTF8, "text/plain"));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"apply failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Creates an API token with the given roles and returns its value.</summary>
    public static async Task<string> TokenAsync(UiServer server, string name, params string[] roles)
    {
        using var client = Admin(server);
        using var response = await client.PostAsync("/v1beta1/system/api-tokens",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(new { name, roles }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"token create failed: {(int)response.StatusCode} {body}");
        }
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    private static HttpClient Admin(UiServer server)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", UiServer.AdminToken);
        return client;
    }
}
