using Barge.Engine.Credentials;
using Barge.Engine.Git;
using Barge.Engine.Promotion;
using Barge.Engine.Tests.Git;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

/// <summary>Credentials reach git over smart HTTP through askpass, and never appear in outputs or messages.</summary>
public sealed class GitCredentialsTests
{
    private const string Password = "s3cret-token-value";

    private sealed class FixedCredentials(RepositoryCredentials? credentials) : ICredentialProvider
    {
        public List<string> Asked { get; } = [];

        public string Name => "fixed";

        public ValueTask<RepositoryCredentials?> GetCredentialsAsync(CredentialType type, string repoUrl, CancellationToken cancellationToken)
        {
            Asked.Add(type + " " + repoUrl);
            return ValueTask.FromResult(credentials);
        }
    }

    [Fact]
    public async Task RunAsync_ProviderHasCredentials_ClonesAndPushesOverAuthenticatedHttp()
    {
        using var remote = new GitRemote();
        using var server = GitHttpServer.Start(remote.Folder, new GitHttpServerOptions(AllowPush: true, new GitHttpAccount("promoter", Password)));
        var provider = new FixedCredentials(new RepositoryCredentials("promoter", Password));
        using var run = new GitStepRunner(credentials: provider);
        var url = server.UrlOf(remote.Path);
        var cloned = await run.CloneAsync(url);
        run.Write("out/env/dev/values.yaml", "image:\n  tag: 9.9.9\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"authenticated"}""");
        var pushed = await run.SucceedAsync(run.Push, """{"path":"out","provider":"gitlab"}""");
        Assert.Equal("authenticated", remote.Subjects()[0]);
        Assert.Equal(["Git " + url, "Git " + url], provider.Asked);
        Assert.DoesNotContain(Password, cloned["commits"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, string.Join(' ', pushed.Values.Select(v => v?.ToJsonString())), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, File.ReadAllText(Path.Combine(Directory.EnumerateDirectories(run.WorkDirectory, "repo-*").Single(), ".git", "config")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoOrWrongCredentials_ErrorsWithoutPromptingOrLeakingTheUrlSecret()
    {
        using var remote = new GitRemote();
        using var server = GitHttpServer.Start(remote.Folder, new GitHttpServerOptions(AllowPush: true, new GitHttpAccount("promoter", Password)));
        using var run = new GitStepRunner();
        var url = server.UrlOf(remote.Path).Replace("http://", "http://promoter:wrong-secret@", StringComparison.Ordinal);
        var result = await run.RunAsync(run.Clone, $$"""{"repoURL":"http://127.0.0.1:{{server.Port}}/config.git","checkout":[{"path":"out"}]}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("error cloning ", result.Message, StringComparison.Ordinal);
        Assert.True(server.Refused > 0);
        var withSecret = await run.RunAsync(run.Clone, $$"""{"repoURL":"{{url}}","checkout":[{"path":"out"}]}""");
        Assert.Equal(StepStatus.Errored, withSecret.Status);
        Assert.DoesNotContain("wrong-secret", withSecret.Message, StringComparison.Ordinal);
    }
}
