using System.Net;
using System.Text;
using System.Text.Json;

namespace Barge.Server.Tests;

/// <summary>The routes of Kargo's catalogue beyond the core ones: config singletons, events, verification and shared resources.</summary>
public sealed class CatalogueRoutesTests
{
    private const string Extras = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: ProjectConfig
        metadata:
          name: p1
          namespace: p1
        spec:
          promotionPolicies:
          - stageSelector:
              name: dev
            autoPromotionEnabled: true
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: ClusterConfig
        metadata:
          name: cluster
        spec: {}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: smoke
          namespace: p1
        spec:
          metrics:
          - name: up
            provider:
              web:
                url: http://127.0.0.1:1/health
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: ClusterPromotionTask
        metadata:
          name: shared-deploy
        spec:
          steps:
          - uses: compose-output
            as: out
            config:
              hello: world
        """;

    [Fact]
    public async Task ServerConfig_PublicWithoutTokenAndFullWithOne()
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = server.Client(token: null);
        var publicConfig = JsonDocument.Parse(await anonymous.GetStringAsync("/v1beta1/system/public-server-config")).RootElement;
        Assert.False(publicConfig.GetProperty("adminAccountEnabled").GetBoolean());
        Assert.False(publicConfig.GetProperty("skipAuth").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1beta1/system/server-config")).StatusCode);
        using var client = server.Client();
        var config = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/system/server-config")).RootElement;
        Assert.Equal(JsonValueKind.Object, config.GetProperty("argocdShards").ValueKind);
        Assert.True(config.GetProperty("secretManagementEnabled").GetBoolean());
    }

    [Fact]
    public async Task ProjectAndClusterConfig_GetRefreshDelete()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/config")).StatusCode);
        await ApplyAsync(client, Extras);

        var config = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/config")).RootElement;
        Assert.Equal("ProjectConfig", config.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1beta1/projects/p1/config/refresh", null)).StatusCode);
        config = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/config")).RootElement;
        Assert.True(config.GetProperty("metadata").GetProperty("annotations").TryGetProperty("kargo.akuity.io/refresh", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1beta1/projects/p1/config")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/config")).StatusCode);

        var cluster = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/system/cluster-config")).RootElement;
        Assert.Equal("cluster", cluster.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1beta1/system/cluster-config/refresh", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1beta1/system/cluster-config")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/system/cluster-config")).StatusCode);
    }

    [Fact]
    public async Task ProjectConfig_Watch_StartsWithTheCurrentObject()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        await ApplyAsync(client, Extras);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = await SseReader.OpenAsync(client, "/v1beta1/projects/p1/config?watch=true", null, cts.Token);
        var (_, first) = await events.NextAsync(cts.Token);
        Assert.Equal("ADDED", first.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1beta1/projects/p1/config/refresh", null, cts.Token)).StatusCode);
        var (_, second) = await events.NextAsync(cts.Token);
        Assert.Equal("MODIFIED", second.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnalysisTemplatesAndSharedResources_ListGetDelete()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        await ApplyAsync(client, Extras);

        var templates = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/analysis-templates")).RootElement;
        Assert.Equal("smoke", Assert.Single(templates.GetProperty("items").EnumerateArray()).GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1beta1/projects/p1/analysis-templates/smoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/analysis-runs/none")).StatusCode);
        var tasks = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/shared/cluster-promotion-tasks")).RootElement;
        Assert.Single(tasks.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1beta1/shared/cluster-promotion-tasks/shared-deploy")).StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync("/v1beta1/shared/cluster-analysis-templates")).RootElement.GetProperty("items").GetArrayLength());

        using var viewer = server.Client(await server.TokenAsync("viewer", "viewer@p1"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync("/v1beta1/projects/p1/analysis-templates/smoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1beta1/projects/p1/analysis-templates/smoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/analysis-templates/smoke")).StatusCode);
    }

    [Fact]
    public async Task ConfigMaps_ListSortedByNameGetAndDelete()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        await ApplyAsync(client, """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: zeta, namespace: p1}
            data: {region: eu}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: alpha, namespace: p1}
            data: {gitRepo: "https://git.example.com/app.git"}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: elsewhere, namespace: p2}
            data: {a: b}
            """);

        var list = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/configmaps")).RootElement;
        var one = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/configmaps/alpha")).RootElement;

        Assert.Equal(["alpha", "zeta"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()));
        Assert.Equal("https://git.example.com/app.git", one.GetProperty("data").GetProperty("gitRepo").GetString());
        Assert.Equal("v1", one.GetProperty("apiVersion").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/configmaps/elsewhere")).StatusCode);
        using var viewer = server.Client(await server.TokenAsync("viewer", "viewer@p1"));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/v1beta1/projects/p1/configmaps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync("/v1beta1/projects/p1/configmaps/alpha")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1beta1/projects/p1/configmaps/alpha")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/configmaps/alpha")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/v1beta1/projects/p1/configmaps/alpha")).StatusCode);
    }

    [Fact]
    public async Task Credentials_ListedAndReadRedactedAsKargoAndDeleted()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        await ApplyAsync(client, """
            apiVersion: v1
            kind: Secret
            metadata:
              name: z-git
              namespace: p1
              labels: {kargo.akuity.io/cred-type: git}
              annotations: {kargo.akuity.io/description: deploy bot, tool/last-applied: "password: hunter2-secret"}
            stringData: {repoURL: "https://git.example.com/app.git", username: bot, password: hunter2-secret}
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: a-helm
              namespace: p1
              labels: {kargo.akuity.io/cred-type: helm}
            stringData: {repoURL: "oci://charts.example.com/app", repoURLIsRegex: "false", username: ci, password: hunter2-secret}
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: token
              namespace: p1
              labels: {kargo.akuity.io/cred-type: generic}
            stringData: {apiToken: hunter2-secret}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: plain, namespace: p1}
            stringData: {value: hunter2-secret}
            """);

        var repoBody = await client.GetStringAsync("/v1beta1/projects/p1/repo-credentials");
        var genericBody = await client.GetStringAsync("/v1beta1/projects/p1/generic-credentials");
        var oneBody = await client.GetStringAsync("/v1beta1/projects/p1/repo-credentials/z-git");

        var repo = JsonDocument.Parse(repoBody).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["a-helm", "creds", "z-git"], repo.Select(i => i.GetProperty("metadata").GetProperty("name").GetString()));
        var helm = repo[0].GetProperty("stringData");
        Assert.Equal("oci://charts.example.com/app", helm.GetProperty("repoURL").GetString());
        Assert.Equal("false", helm.GetProperty("repoURLIsRegex").GetString());
        Assert.Equal("ci", helm.GetProperty("username").GetString());
        Assert.Equal("*** REDACTED ***", helm.GetProperty("password").GetString());
        Assert.False(repo[0].TryGetProperty("data", out _));
        var one = JsonDocument.Parse(oneBody).RootElement;
        Assert.Equal("bot", one.GetProperty("stringData").GetProperty("username").GetString());
        var annotations = one.GetProperty("metadata").GetProperty("annotations");
        Assert.Equal("deploy bot", annotations.GetProperty("kargo.akuity.io/description").GetString());
        Assert.Equal("*** REDACTED ***", annotations.GetProperty("tool/last-applied").GetString());
        var generic = Assert.Single(JsonDocument.Parse(genericBody).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("*** REDACTED ***", generic.GetProperty("stringData").GetProperty("apiToken").GetString());
        Assert.All([repoBody, genericBody, oneBody], body => Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal));

        var unlabelled = await ProblemAsync(await client.GetAsync("/v1beta1/projects/p1/repo-credentials/plain"), HttpStatusCode.Conflict);
        Assert.Equal("secret p1/plain exists, but is not labeled with kargo.akuity.io/cred-type", unlabelled.GetProperty("error").GetString());
        var otherType = await ProblemAsync(await client.GetAsync("/v1beta1/projects/p1/repo-credentials/token"), HttpStatusCode.Conflict);
        Assert.Contains("labeled as unrecognized credential type \"generic\"", otherType.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/generic-credentials/none")).StatusCode);
        using var viewer = server.Client(await server.TokenAsync("viewer", "viewer@p1"));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/v1beta1/projects/p1/repo-credentials/z-git")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync("/v1beta1/projects/p1/repo-credentials/z-git")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync("/v1beta1/projects/p1/generic-credentials/z-git")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1beta1/projects/p1/repo-credentials/z-git")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/repo-credentials/z-git")).StatusCode);
    }

    [Fact]
    public async Task Events_AuditEntriesAsAnEventListNewestFirst()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("ci", "promoter@p1"));
        using var promote = await client.PostAsync("/v1beta1/projects/p1/stages/dev/promotions",
            new StringContent("{\"freightAlias\":\"first-one\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, promote.StatusCode);

        var list = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/events")).RootElement;
        Assert.Equal("EventList", list.GetProperty("kind").GetString());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var created = items.First(e => e.GetProperty("reason").GetString() == "PromotionCreated");
        Assert.Equal("Promotion", created.GetProperty("involvedObject").GetProperty("kind").GetString());
        Assert.Equal("token:ci", created.GetProperty("metadata").GetProperty("annotations").GetProperty("event.kargo.akuity.io/actor").GetString());
        Assert.Equal("p1", created.GetProperty("metadata").GetProperty("namespace").GetString());
        var one = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/events?limit=1")).RootElement;
        Assert.Equal(items[0].GetProperty("metadata").GetProperty("name").GetString(),
            Assert.Single(one.GetProperty("items").EnumerateArray()).GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/v1beta1/projects/p1/events?limit=lots")).StatusCode);
    }

    [Fact]
    public async Task ApiToken_GetByName_ShowsRolesNeverTheValue()
    {
        await using var server = await TestServer.StartAsync();
        var token = await server.TokenAsync("ci", "viewer@p1");
        using var client = server.Client();
        var body = await client.GetStringAsync("/v1beta1/system/api-tokens/ci");
        Assert.Contains("viewer@p1", body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/system/api-tokens/none")).StatusCode);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static async Task ApplyAsync(HttpClient client, string yaml)
    {
        using var response = await client.PutAsync("/v1beta1/resources?upsert=true", new StringContent(yaml, Encoding.UTF8, "text/plain"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
