using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Server.Api;
using Barge.Server.Auth;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Tests.Auth;

/// <summary>
/// The access check's per-version cache (<see cref="AccessCache"/>): repeated requests read nothing
/// but the shared version, and every change that matters (revoked token, changed role, deleted
/// project), through the API or written to the store file by another writer, counts from the very
/// next request.
/// </summary>
public sealed class AccessCacheTests
{
    private const string Stages = "/v1beta1/projects/p1/stages";
    private const string Refresh = "/v1beta1/projects/p1/stages/dev/refresh";

    [Fact]
    public async Task List_RepeatedAsApiToken_ReadsOnlyTheVersionFromTheStore()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("ci", "viewer@p1"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Stages)).StatusCode);
        var cache = server.App.Services.GetRequiredService<AccessCache>();
        var lists = server.App.Services.GetRequiredService<ListResponseCache>();
        var (reads, hits, versionReads) = (cache.StoreReads, lists.Hits, lists.VersionReads);

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync(Stages);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(reads, cache.StoreReads);
        Assert.Equal(hits + 10, lists.Hits);
        // One version read per request, shared by the token check, the project check and the list.
        Assert.Equal(versionReads + 10, lists.VersionReads);
    }

    [Fact]
    public async Task RevokedToken_AfterCachedUse_RefusedOnTheVeryNextRequest()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("ci", "viewer@p1"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Stages)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Stages)).StatusCode);

        using (var admin = server.Client())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/v1beta1/system/api-tokens/ci")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Stages)).StatusCode);
    }

    [Theory]
    [InlineData("promoter demoted to viewer", "promoter@p1", "viewer@p1", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("viewer raised to promoter", "viewer@p1", "promoter@p1", HttpStatusCode.Forbidden, HttpStatusCode.OK)]
    [InlineData("role moved to another project", "promoter@p1", "promoter@p2", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    public async Task ChangedRole_WrittenByAnotherWriter_TakesEffectOnTheVeryNextRequest(
        string scenario, string before, string after, HttpStatusCode refreshBefore, HttpStatusCode refreshAfter)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("ci", before));
        Assert.True(refreshBefore == (await client.PostAsync(Refresh, null)).StatusCode, scenario);
        Assert.True(refreshBefore == (await client.PostAsync(Refresh, null)).StatusCode, scenario);

        // Another process on the same store file (as `barge` commands are) rewrites the binding.
        await using (var other = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(server.Home, "barge.db")), TimeProvider.System))
        {
            var key = ResourceKey.Cluster(ApiTokens.Kind, "ci");
            var stored = await other.GetAsync(key) ?? throw new InvalidOperationException("token record missing");
            var spec = JsonNode.Parse(stored.Spec.GetRawText())!.AsObject();
            spec["roles"] = new JsonArray(after);
            await other.UpdateAsync(new ResourceUpdate(key, stored.ResourceVersion, stored.ApiVersion, JsonSerializer.SerializeToElement(spec)));
        }

        Assert.True(refreshAfter == (await client.PostAsync(Refresh, null)).StatusCode, scenario);
    }

    [Fact]
    public async Task DeletedProject_AfterCachedUse_NotFoundOnTheVeryNextRequest()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1beta1/projects/p2/stages")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1beta1/projects/p2/stages")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1beta1/projects/p2")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1beta1/projects/p2/stages")).StatusCode);
    }

    [Fact]
    public async Task Lookups_AtTheSameVersion_ReadTheStoreOnceAndAtAnOlderVersionWithoutTheCache()
    {
        using var home = new Barge.Testing.TempDirectory("access-cache");
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(home.Path, "barge.db")), TimeProvider.System);
        var tokens = new ApiTokens(store, TimeProvider.System);
        var created = await tokens.CreateAsync("ci", [new RoleBinding("p1", ProjectRole.Viewer)], "test");
        var older = await store.GetResourceVersionAsync();
        await store.CreateAsync(new NewResource(ResourceKey.Cluster("Project", "p1"), "kargo.akuity.io/v1alpha1", JsonSerializer.SerializeToElement(new { })));
        var version = await store.GetResourceVersionAsync();
        var cache = new AccessCache(store, tokens);

        var caller = await cache.AuthenticateAsync(created.Value!, version, CancellationToken.None);
        Assert.Equal("token:ci", caller?.Actor);
        Assert.True(await cache.ProjectExistsAsync("p1", version, CancellationToken.None));
        Assert.Null(await cache.AuthenticateAsync("barge_not-a-token", version, CancellationToken.None));
        Assert.Equal(caller, await cache.AuthenticateAsync(created.Value!, version, CancellationToken.None));
        Assert.True(await cache.ProjectExistsAsync("p1", version, CancellationToken.None));
        Assert.Equal(2, cache.StoreReads);

        // A request that read an older version (a write landed meanwhile) is answered from the store.
        Assert.True(await cache.ProjectExistsAsync("p1", older, CancellationToken.None));
        Assert.Equal(3, cache.StoreReads);

        // A newer version starts afresh: the deletion is seen.
        await store.DeleteAsync(ResourceKey.Cluster("Project", "p1"));
        Assert.False(await cache.ProjectExistsAsync("p1", await store.GetResourceVersionAsync(), CancellationToken.None));
        Assert.Equal(4, cache.StoreReads);
    }

    /// <summary>
    /// The framework's four Information lines per request (start, endpoint in and out, finish) are off:
    /// at thousands of lists a second they cost more than the list itself. Denials are still logged.
    /// </summary>
    [Fact]
    public async Task Requests_AtInformationLevel_OnlyDenialsAreLogged()
    {
        var logs = new CapturedLogs();
        await using var server = await TestServer.StartAsync(logging: l => l.SetMinimumLevel(LogLevel.Information).AddProvider(logs));
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("ci", "viewer@p1"));
        var before = logs.Lines.Count;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Stages)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Refresh, null)).StatusCode);

        var lines = logs.Lines.Skip(before).ToList();
        var line = Assert.Single(lines);
        Assert.Contains("token:ci", line.Message, StringComparison.Ordinal);
        Assert.Contains("promoter in project \"p1\" is required", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedToken_UnderConcurrentLoad_NoRequestSentAfterTheRevocationIsAllowed()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var token = await server.TokenAsync("ci", "viewer@p1");
        using var client = server.Client(token);
        var revokedAt = long.MaxValue;
        var lateAllowed = 0;
        var refused = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var sent = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(Stages);
                if (response.StatusCode == HttpStatusCode.OK && sent > Interlocked.Read(ref revokedAt))
                {
                    Interlocked.Increment(ref lateAllowed);
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })).ToArray();
        await Task.Delay(300);
        using (var admin = server.Client())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/v1beta1/system/api-tokens/ci")).StatusCode);
        }
        Interlocked.Exchange(ref revokedAt, System.Diagnostics.Stopwatch.GetTimestamp());
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(0, lateAllowed);
        Assert.True(refused > 0, "no request ran after the revocation");
    }
}
