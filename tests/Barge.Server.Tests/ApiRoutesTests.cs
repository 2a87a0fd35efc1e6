using System.Net;
using System.Text;
using System.Text.Json;

namespace Barge.Server.Tests;

public sealed class ApiRoutesTests
{
    [Fact]
    public async Task Resources_Apply_ThenGetStageAndFreightByAlias()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        var stage = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/stages/dev")).RootElement;
        Assert.Equal("Stage", stage.GetProperty("kind").GetString());
        Assert.Equal("p1", stage.GetProperty("metadata").GetProperty("namespace").GetString());
        var list = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/stages?freightOrigins=w1")).RootElement;
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(list.GetProperty("metadata").GetProperty("resourceVersion").GetString()));
        var none = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/stages?freightOrigins=other")).RootElement;
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
        var freight = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/freight/first-one")).RootElement;
        Assert.Equal("w1", freight.GetProperty("origin").GetProperty("name").GetString());
        var query = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/freight?origins=w1")).RootElement;
        Assert.Equal(1, query.GetProperty("groups").GetProperty("").GetProperty("items").GetArrayLength());
        var available = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/freight?stage=dev")).RootElement;
        Assert.Equal(1, available.GetProperty("groups").GetProperty("").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Resources_ApplyResult_RedactsSecretValues()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        using var response = await client.PutAsync("/v1beta1/resources?upsert=true", new StringContent(TestServer.Pipeline, Encoding.UTF8, "text/plain"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("createdResourceManifest", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        var secret = JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("createdResourceManifest")).Single(m => m.GetProperty("kind").GetString() == "Secret");
        Assert.Equal("*** REDACTED ***", Encoding.UTF8.GetString(Convert.FromBase64String(secret.GetProperty("data").GetProperty("password").GetString()!)));
    }

    [Theory]
    [InlineData("create of an existing resource", "POST", "", 409, "already exists")]
    [InlineData("update of a missing resource", "PUT", "", 404, "resource does not exist")]
    [InlineData("invalid manifest", "PUT", "?upsert=true", 400, "spec")]
    [InlineData("empty body", "PUT", "?upsert=true", 400, "no resources found in request body")]
    public async Task Resources_BadRequests_AreProblems(string scenario, string method, string query, int status, string message)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var text = scenario switch
        {
            "update of a missing resource" => "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: nope\n  namespace: p1\nspec:\n  subscriptions:\n  - image:\n      repoURL: registry.example.com/x\n",
            "invalid manifest" => "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: bad\n  namespace: p1\nspec:\n  requestedFreight: 12\n",
            "empty body" => "",
            _ => TestServer.Pipeline,
        };
        using var client = server.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/v1beta1/resources" + query) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };
        using var response = await client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(status == (int)response.StatusCode, $"{scenario}: {(int)response.StatusCode} {body}");
        Assert.Contains(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resources_ProjectAdminOfAnotherProject_Is403AndNothingStored()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("p2-admin", "admin@p2"));
        var text = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: sneaky\n  namespace: p1\nspec:\n  subscriptions:\n  - image:\n      repoURL: registry.example.com/x\n";
        using var response = await client.PutAsync("/v1beta1/resources?upsert=true", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await server.Store.GetAsync(new Storage.ResourceKey("Warehouse", "p1", "sneaky")));
    }

    [Fact]
    public async Task Resources_BodyOverLimit_Is413()
    {
        await using var server = await TestServer.StartAsync(o => o with { ResourcesBodyLimit = 64 * 1024 });
        using var client = server.Client();
        var big = "# " + new string('x', 100 * 1024) + "\n";
        using var response = await client.PutAsync("/v1beta1/resources?upsert=true", new StringContent(big, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("request body too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nothing chosen", "{\"freight\":\"\",\"freightAlias\":\"\",\"origin\":\"\"}", 400, "exactly one of freight, freightAlias, or origin must be provided")]
    [InlineData("two chosen", "{\"freight\":\"a\",\"freightAlias\":\"b\"}", 400, "exactly one of")]
    [InlineData("bad origin", "{\"origin\":\"Stage/x\"}", 400, "invalid origin")]
    [InlineData("unknown freight", "{\"freight\":\"nope\"}", 404, "Freight \"nope\" not found")]
    [InlineData("not JSON", "{", 400, "invalid JSON body")]
    public async Task Promote_BadRequests_AreProblems(string scenario, string json, int status, string message)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var response = await client.PostAsync("/v1beta1/projects/p1/stages/dev/promotions", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(status == (int)response.StatusCode, $"{scenario}: {(int)response.StatusCode} {body}");
        Assert.Contains(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_ByAlias_Creates201PromotionWithActor_ThenAbort()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("ci", "promoter@p1"));
        using var response = await client.PostAsync("/v1beta1/projects/p1/stages/dev/promotions", new StringContent("{\"freightAlias\":\"first-one\"}", Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Promotion", body.GetProperty("kind").GetString());
        Assert.Equal("dev", body.GetProperty("spec").GetProperty("stage").GetString());
        Assert.Equal("token:ci", body.GetProperty("metadata").GetProperty("annotations").GetProperty("kargo.akuity.io/create-actor").GetString());
        var name = body.GetProperty("metadata").GetProperty("name").GetString();
        var list = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/promotions?stage=dev")).RootElement;
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/v1beta1/projects/p1/promotions/{name}/abort", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/v1beta1/projects/p1/promotions/nope/abort", null)).StatusCode);
    }

    [Fact]
    public async Task FreightAlias_UpdateAndConflict()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync("/v1beta1/projects/p1/freight/first-one/alias?newAlias=renamed", null)).StatusCode);
        var freight = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/freight/renamed")).RootElement;
        Assert.Equal("renamed", freight.GetProperty("alias").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PatchAsync("/v1beta1/projects/p1/freight/renamed/alias", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsync("/v1beta1/projects/p1/freight/first-one/alias?newAlias=x", null)).StatusCode);
    }

    [Fact]
    public async Task Refresh_SetsAnnotation_AndMissingIs404()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1beta1/projects/p1/warehouses/w1/refresh", null)).StatusCode);
        var warehouse = await server.Store.GetAsync(new Storage.ResourceKey("Warehouse", "p1", "w1"));
        Assert.True(warehouse!.Annotations.ContainsKey("kargo.akuity.io/refresh"));
        using var missing = await client.PostAsync("/v1beta1/projects/p1/warehouses/nope/refresh", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("warehouses.kargo.akuity.io \\u0022nope\\u0022 not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteStage_Then404_AndMissingProjectIs404()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1beta1/projects/p1/stages/dev")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/stages/dev")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/ghost/stages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/no/such/route")).StatusCode);
    }

    [Fact]
    public async Task DeleteProject_TakesEverythingInIt()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1beta1/projects/p1")).StatusCode);
        Assert.Null(await server.Store.GetAsync(Storage.ResourceKey.Cluster("Project", "p1")));
        Assert.Empty((await server.Store.ListAsync(Storage.ResourceQuery.OfKind("Stage", "p1"))).Items);
        Assert.Empty((await server.Store.ListAsync(Storage.ResourceQuery.OfKind("Warehouse", "p1"))).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/v1beta1/projects/p1")).StatusCode);
    }

    [Fact]
    public async Task ListStages_AfterAnyWrite_IsReadAfresh()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        var before = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/stages")).RootElement;
        var again = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/stages")).RootElement;
        var dev = (await server.Store.GetAsync(new Barge.Storage.ResourceKey("Stage", "p1", "dev")))!;

        using var status = JsonDocument.Parse("""{"phase":"Steady","message":"written behind the list's back"}""");
        await server.Store.UpdateStatusAsync(dev.Key, dev.ResourceVersion, status.RootElement);
        var after = JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/stages")).RootElement;

        Assert.Equal(before.GetRawText(), again.GetRawText());
        var written = after.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("metadata").GetProperty("name").GetString() == "dev");
        Assert.Equal("written behind the list's back", written.GetProperty("status").GetProperty("message").GetString());
        Assert.NotEqual(before.GetProperty("metadata").GetProperty("resourceVersion").GetString(), after.GetProperty("metadata").GetProperty("resourceVersion").GetString());
    }

    [Fact]
    public async Task HealthAndOpenApi_NeedNoToken()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(token: null);
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        Assert.Equal("ok", await client.GetStringAsync("/readyz"));
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/v1beta1/projects/{project}/stages/{stage}/promotions", out _));
    }

    [Fact]
    public async Task AdminToken_GeneratedOnFirstStart_IsMode0600()
    {
        await using var server = await TestServer.StartAsync(o => o with { AdminToken = null });
        var path = Path.Combine(server.Home, "admin-token");
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        var token = (await File.ReadAllTextAsync(path)).Trim();
        using var client = server.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1beta1/projects")).StatusCode);
    }
}
