using Barge.Engine.Git;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Git;

/// <summary>The mirror over smart HTTP (<c>git http-backend</c>) with basic authentication.</summary>
public sealed class GitMirrorCacheHttpTests : IDisposable
{
    private const string Secret = "pa55-w0rd-xyz";

    private readonly TempDirectory home = new("home");
    private readonly SourceRepo source = new();
    private readonly GitCli git = new();
    private readonly GitMirrorCache cache;
    private readonly GitHttpServer server;

    public GitMirrorCacheHttpTests()
    {
        cache = new GitMirrorCache(GitMirrorCache.DefaultRoot(home.Path), git, TimeProvider.System);
        source.Commit("first", ("README.md", "hello"));
        source.Tag("v1.0.0", "first release");
        server = GitHttpServer.Start(Path.GetDirectoryName(source.Path)!, new GitHttpServerOptions(AllowPush: true, new GitHttpAccount("ci-bot", Secret)));
    }

    public void Dispose()
    {
        server.Dispose();
        cache.Dispose();
        source.Dispose();
        home.Dispose();
    }

    [Fact]
    public async Task SyncAsync_BasicAuthWithCredentials_MirrorsAndReadsTags()
    {
        var outcome = await cache.SyncAsync("http-repo", server.UrlOf(source.Path), new GitCredentials("ci-bot", Secret));

        Assert.True(outcome.Succeeded, outcome.Error);
        var tags = (await outcome.Value.ListTagsAsync(CancellationToken.None)).Value!;
        Assert.Equal(["v1.0.0"], tags.Select(t => t.Name));
        Assert.Equal(1, git.Stats.Transfers);
    }

    [Fact]
    public async Task SyncAsync_UnchangedOverHttp_NoSecondFetch()
    {
        var credentials = new GitCredentials("ci-bot", Secret);
        Assert.True((await cache.SyncAsync("http-repo", server.UrlOf(source.Path), credentials)).Succeeded);

        var second = await cache.SyncAsync("http-repo", server.UrlOf(source.Path), credentials);

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(1, git.Stats.Transfers);
    }

    [Fact]
    public async Task SyncAsync_WrongPassword_FailsClearlyWithoutSecret()
    {
        var outcome = await cache.SyncAsync("http-repo", server.UrlOf(source.Path), new GitCredentials("ci-bot", "wrong-" + Secret));

        Assert.False(outcome.Succeeded);
        Assert.Contains("Authentication failed", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, outcome.Error, StringComparison.Ordinal);
        Assert.True(server.Refused > 0);
    }

    [Fact]
    public async Task SyncAsync_NoCredentials_FailsWithoutPrompting()
    {
        var outcome = await cache.SyncAsync("http-repo", server.UrlOf(source.Path));

        Assert.False(outcome.Succeeded, "synced without credentials");
        Assert.True(outcome.Error.StartsWith("listing refs of git repository", StringComparison.Ordinal), outcome.Error);
    }

    [Fact]
    public void GitCredentials_ToString_HidesPassword()
    {
        Assert.DoesNotContain(Secret, new GitCredentials("ci-bot", Secret).ToString(), StringComparison.Ordinal);
    }
}
