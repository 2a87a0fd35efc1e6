using System.Net;
using System.Text;
using System.Text.Json;

namespace Barge.Server.Tests;

/// <summary><c>/v1beta1/resources</c>: Kargo's per-document results, all or nothing, refusals that name the document.</summary>
public sealed class ResourceDocumentsTests
{
    private const string WarehouseTwo = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: w2
          namespace: p1
        spec:
          subscriptions:
          - image:
              repoURL: registry.example.com/two
        """;

    private const string WarehouseThree = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: w3
          namespace: p1
        spec:
          subscriptions:
          - image:
              repoURL: registry.example.com/three
        """;

    private const string BadStage = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: bad
          namespace: p1
        spec:
          requestedFreight: 12
        """;

    [Fact]
    public async Task Post_SeveralDocuments_OneResultPerDocumentInKargoShape()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var response = await SendAsync(client, HttpMethod.Post, "", WarehouseTwo, WarehouseThree);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var results = JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["w2", "w3"], results.Select(r => r.GetProperty("createdResourceManifest").GetProperty("metadata").GetProperty("name").GetString()));
        Assert.All(results, r => Assert.Single(r.EnumerateObject()));
    }

    [Fact]
    public async Task Put_OneInvalidDocumentAmongThree_NothingChangedAndTheProblemNamesIt()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var response = await SendAsync(client, HttpMethod.Put, "?upsert=true", WarehouseTwo, BadStage, WarehouseThree);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.True(detail.StartsWith("1 of 3 documents refused, nothing was changed; document 2 (Stage \"bad\"): request body:17:21 (Stage \"bad\") spec.requestedFreight: ", StringComparison.Ordinal), detail);
        Assert.Contains("spec.requestedFreight", detail, StringComparison.Ordinal);
        Assert.Equal(detail, problem.GetProperty("error").GetString());
        var results = problem.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], results.Select(r => r.GetProperty("document").GetInt32()));
        Assert.False(results[0].GetProperty("applied").GetBoolean());
        Assert.Equal("Stage", results[1].GetProperty("kind").GetString());
        Assert.Equal("bad", results[1].GetProperty("name").GetString());
        Assert.Contains("request body:", results[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        var field = Assert.Single(results[1].GetProperty("problems").EnumerateArray());
        Assert.Equal("spec.requestedFreight", field.GetProperty("path").GetString());
        Assert.EndsWith(field.GetProperty("message").GetString()!, detail, StringComparison.Ordinal);
        Assert.Equal("w3", results[2].GetProperty("name").GetString());
        Assert.False(results[2].TryGetProperty("error", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/warehouses/w2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/warehouses/w3")).StatusCode);
    }

    [Theory]
    [InlineData("create with one existing", "POST", "", 409, 2, "already exists")]
    [InlineData("update with one missing", "PUT", "", 404, 1, "resource does not exist")]
    [InlineData("delete with one missing", "DELETE", "", 404, 1, "warehouses.kargo.akuity.io \"w2\" not found")]
    public async Task SeveralDocuments_OneRefusedByTheStore_NothingChangedAndItsStatus(string scenario, string method, string query, int status, int document, string message)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        var existing = """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: w1
              namespace: p1
            spec:
              subscriptions:
              - image:
                  repoURL: registry.example.com/changed
            """;
        using var response = await SendAsync(client, new HttpMethod(method), query, WarehouseTwo, existing);
        var problem = await ProblemAsync(response, (HttpStatusCode)status);
        var results = problem.GetProperty("results").EnumerateArray().ToList();
        Assert.True(results.Count == 2, scenario);
        var refused = results[document - 1];
        Assert.Contains(message, refused.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains($"document {document} (Warehouse \"p1/", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(results[2 - document].GetProperty("applied").GetBoolean());
        var w1 = await client.GetStringAsync("/v1beta1/projects/p1/warehouses/w1");
        Assert.Contains("registry.example.com/app", w1, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/warehouses/w2")).StatusCode);
    }

    [Fact]
    public async Task Put_MalformedThirdDocument_ProblemNamesDocumentThree()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var response = await SendAsync(client, HttpMethod.Put, "?upsert=true", WarehouseTwo, WarehouseThree, "kind: Stage\nmetadata: {name: [oops\n");
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("document 3 (", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("malformed YAML", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/warehouses/w2")).StatusCode);
    }

    [Fact]
    public async Task Put_DocumentOutsideTheCallersProject_ForbiddenNamesTheDocument()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("p1-admin", "admin@p1"));
        var other = WarehouseThree.Replace("namespace: p1", "namespace: p2", StringComparison.Ordinal);
        using var response = await SendAsync(client, HttpMethod.Put, "?upsert=true", WarehouseTwo, other);
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("1 of 2 documents refused, nothing was changed; document 2 (Warehouse \"p2/w3\"): ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("admin in the project is required", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var admin = server.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/v1beta1/projects/p1/warehouses/w2")).StatusCode);
    }

    [Fact]
    public async Task Post_SingleExistingDocument_KargosStatusAndMessage()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        using var response = await SendAsync(client, HttpMethod.Post, "", WarehouseTwo);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var again = await SendAsync(client, HttpMethod.Post, "", WarehouseTwo);
        var problem = await ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("document 1 (Warehouse \"p1/w2\"): warehouse.kargo.akuity.io \"w2\" already exists", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Delete_DocumentsThatOnlyNameObjects_DeletesThemWithoutValidatingContent()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        const string stage = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata: {name: dev, namespace: p1}";

        using var response = await SendAsync(client, HttpMethod.Delete, "", stage);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var deleted = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal("dev", deleted.GetProperty("deletedResourceManifest").GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p1/stages/dev")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1beta1/projects/p1/warehouses/w1")).StatusCode);
    }

    [Fact]
    public async Task Delete_ProjectDocument_TakesEverythingInItAndAnswersTheNamedDocumentsOnly()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        const string project = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata: {name: p1}";
        const string warehouse = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata: {name: w1, namespace: p1}";

        using var response = await SendAsync(client, HttpMethod.Delete, "", project, warehouse);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var results = JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("deletedResourceManifest").GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Project", "Warehouse"], results);
        using var recreated = await SendAsync(client, HttpMethod.Post, "", project);
        Assert.Equal(HttpStatusCode.Created, recreated.StatusCode);
        // The Stage went with its Project: the recreated Project is empty.
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects/p1/stages")).RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1beta1/projects/p2")).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string query, params string[] documents)
    {
        var request = new HttpRequestMessage(method, "/v1beta1/resources" + query)
        {
            Content = new StringContent(string.Join("\n---\n", documents), Encoding.UTF8, "text/plain"),
        };
        return client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
