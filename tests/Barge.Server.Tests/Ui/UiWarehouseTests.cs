using System.Net;
using System.Text.Json;
using Barge.Storage;

namespace Barge.Server.Tests.Ui;

public sealed class UiWarehouseTests
{
    private const string Status = """
        {
          "conditions": [
            {"type": "Ready", "status": "False", "reason": "DiscoveryFailed", "message": "listing tags of registry.example.com/app: connection refused", "lastTransitionTime": "2026-01-02T15:04:05Z"}
          ],
          "lastFreightID": "FREIGHT",
          "discoveredArtifacts": {
            "discoveredAt": "2026-01-02T15:00:00Z",
            "images": [{"repoURL": "registry.example.com/app", "references": [{"tag": "1.0.0", "digest": "sha256:aaaa"}, {"tag": "0.9.1", "digest": "sha256:bbbb"}]}],
            "git": [{"repoURL": "https://git.example.com/app.git", "commits": [{"id": "0123456789abcdef", "branch": "main", "subject": "fix the thing"}]}],
            "charts": [{"repoURL": "oci://charts.example.com/app", "name": "app", "versions": ["2.1.0"]}]
          }
        }
        """;

    [Theory]
    [InlineData("viewer", "viewer@p1", false)]
    [InlineData("promoter", "promoter@p1", true)]
    public async Task Warehouse_ByRole_ShowsSubscriptionsDiscoveryFreightAndRefreshOnlyForPromoter(string name, string role, bool canRefresh)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        await WriteStatusAsync(server, Status.Replace("FREIGHT", freight, StringComparison.Ordinal));
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync(name, role));

        var (status, body) = await client.GetAsync("/ui/projects/p1/warehouses/w1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Warehouse w1</h1>", body, StringComparison.Ordinal);
        Assert.Contains("<code>registry.example.com/app</code></th><td>strategy SemVer", body, StringComparison.Ordinal);
        Assert.Contains("2026-01-02 15:00:00Z", body, StringComparison.Ordinal);
        Assert.Contains("listing tags of registry.example.com/app: connection refused", body, StringComparison.Ordinal);
        Assert.Contains("<li>0.9.1 <code>sha256:bbbb</code>", body, StringComparison.Ordinal);
        Assert.Contains("<code>0123456</code> main fix the thing", body, StringComparison.Ordinal);
        Assert.Contains("<li>2.1.0</li>", body, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/ui/projects/p1/freight/{freight}\">first-one</a>", body, StringComparison.Ordinal);
        Assert.Equal(canRefresh, body.Contains("aria-label=\"Refresh Warehouse w1\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Warehouse_LinkedFromProjectGraphAndFreightPage()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (_, project) = await client.GetAsync("/ui/projects/p1");
        var (_, freight) = await client.GetAsync("/ui/projects/p1/freight/first-one");

        Assert.Contains("href=\"/ui/projects/p1/warehouses/w1\"", project, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/ui/projects/p1/warehouses/w1\">Warehouse/w1</a>", freight, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown Warehouse", "/ui/projects/p1/warehouses/nope", "warehouses.kargo.akuity.io &quot;nope&quot; not found")]
    [InlineData("unknown project", "/ui/projects/nope/warehouses/w1", "projects.kargo.akuity.io &quot;nope&quot; not found")]
    public async Task Warehouse_Unknown_NotFoundPage(string row, string path, string message)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (status, body) = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_Promoter_SetsRefreshAnnotationAndShowsNotice()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));
        var csrf = await client.CsrfAsync("/ui/projects/p1/warehouses/w1");

        using var response = await client.PostFormAsync("/ui/projects/p1/warehouses/w1/refresh", ("_csrf", csrf));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await server.Store.GetAsync(new ResourceKey("Warehouse", "p1", "w1"));
        Assert.True(stored!.Annotations.ContainsKey("kargo.akuity.io/refresh"));
        var (_, page) = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Refresh requested for Warehouse &quot;w1&quot;", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer with a valid token", "viewer", "viewer@p1", true)]
    [InlineData("admin without a token", "admin", "admin@p1", false)]
    public async Task Refresh_RefusedPost_ForbiddenAndNotRefreshed(string row, string name, string role, bool sendCsrf)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync(name, role));
        var fields = sendCsrf ? new[] { ("_csrf", await client.CsrfAsync()) } : [("_csrf", "0000")];

        using var response = await client.PostFormAsync("/ui/projects/p1/warehouses/w1/refresh", fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var stored = await server.Store.GetAsync(new ResourceKey("Warehouse", "p1", "w1"));
        Assert.False(stored!.Annotations.ContainsKey("kargo.akuity.io/refresh"));
    }

    [Fact]
    public async Task Refresh_UnknownWarehouse_NotFound()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);
        var csrf = await client.CsrfAsync();

        using var response = await client.PostFormAsync("/ui/projects/p1/warehouses/nope/refresh", ("_csrf", csrf));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task WriteStatusAsync(TestServer server, string status)
    {
        var stored = await server.Store.GetAsync(new ResourceKey("Warehouse", "p1", "w1"));
        using var document = JsonDocument.Parse(status);
        await server.Store.UpdateStatusAsync(stored!.Key, stored.ResourceVersion, document.RootElement.Clone());
    }
}
