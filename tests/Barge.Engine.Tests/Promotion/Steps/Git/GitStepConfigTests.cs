using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

/// <summary>Configuration errors of the git steps: Kargo's schema wording and field paths (kargo-steps.md §2).</summary>
public sealed class GitStepConfigTests
{
    private static readonly PromotionStepRegistry Registry = PromotionStepRegistry.CreateBuiltin();

    [Theory]
    [InlineData("git-clone: empty config", "git-clone", "{}", "(root): repoURL is required|(root): checkout is required")]
    [InlineData("git-clone: empty repoURL", "git-clone", """{"repoURL":"","checkout":[{"path":"a"}]}""", "repoURL: String length must be greater than or equal to 1")]
    [InlineData("git-clone: no checkouts", "git-clone", """{"repoURL":"x","checkout":[]}""", "checkout: Array must have at least 1 items")]
    [InlineData("git-clone: checkout without path", "git-clone", """{"repoURL":"x","checkout":[{}]}""", "checkout.0: path is required")]
    [InlineData("git-clone: author without name", "git-clone", """{"repoURL":"x","checkout":[{"path":"a"}],"author":{"email":"a@b.c"}}""", "author: name is required")]
    [InlineData("git-clone: empty author name", "git-clone", """{"repoURL":"x","checkout":[{"path":"a"}],"author":{"name":"","email":"a@b.c"}}""", "author.name: String length must be greater than or equal to 1")]
    [InlineData("git-clone: empty author email", "git-clone", """{"repoURL":"x","checkout":[{"path":"a"}],"author":{"name":"n","email":""}}""", "author.email: Does not match format 'email'")]
    [InlineData("git-clone: signing key not supported", "git-clone", """{"repoURL":"x","checkout":[{"path":"a"}],"author":{"name":"n","email":"a@b.c","signingKey":"KEY"}}""", "author.signingKey: commit signing is not supported by Barge")]
    [InlineData("git-clone: branch and tag", "git-clone", """{"repoURL":"x","checkout":[{"path":"a"},{"path":"b","branch":"m","tag":"t"}]}""", "checkout.1: Must validate one and only one schema (oneOf)")]
    [InlineData("git-clone: unknown checkout key", "git-clone", """{"repoURL":"x","checkout":[{"path":"a","depth":1}]}""", "checkout.0: Additional property depth is not allowed")]
    [InlineData("git-clone: empty sparse", "git-clone", """{"repoURL":"x","checkout":[{"path":"a","sparse":[]}]}""", "checkout.0.sparse: Array must have at least 1 items")]
    [InlineData("git-clone: sparse glob", "git-clone", """{"repoURL":"x","checkout":[{"path":"a","sparse":["src/*"]}]}""", "sparse checkout pattern cannot contain glob characters (*, ?, [): src/*; use directory paths like 'src/app' instead")]
    [InlineData("git-clone: sparse escape", "git-clone", """{"repoURL":"x","checkout":[{"path":"a","sparse":["../x"]}]}""", "sparse checkout pattern cannot escape repository: ../x")]
    [InlineData("git-clone: sparse absolute", "git-clone", """{"repoURL":"x","checkout":[{"path":"a","sparse":["/x"]}]}""", "sparse checkout pattern must be relative: /x")]
    [InlineData("git-clone: blobless a string", "git-clone", """{"repoURL":"x","checkout":[{"path":"a"}],"blobless":"yes"}""", "blobless: Invalid type. Expected: boolean, given: string")]
    [InlineData("git-clear: empty config", "git-clear", "{}", "(root): path is required")]
    [InlineData("git-clear: empty path", "git-clear", """{"path":""}""", "path: String length must be greater than or equal to 1")]
    [InlineData("git-commit: empty config", "git-commit", "{}", "(root): path is required|(root): message is required")]
    [InlineData("git-commit: empty message", "git-commit", """{"path":"a","message":""}""", "message: String length must be greater than or equal to 1")]
    [InlineData("git-commit: author without email", "git-commit", """{"path":"a","message":"m","author":{"name":"n"}}""", "author: email is required")]
    [InlineData("git-tag: empty config", "git-tag", "{}", "(root): path is required|(root): tag is required|(root): message is required")]
    [InlineData("git-tag: empty tag", "git-tag", """{"path":"a","tag":"","message":"m"}""", "tag: String length must be greater than or equal to 1")]
    [InlineData("git-push: no path", "git-push", "{}", "(root): path is required")]
    [InlineData("git-push: maxAttempts 0", "git-push", """{"path":"a","maxAttempts":0}""", "maxAttempts: Must be greater than or equal to 1")]
    [InlineData("git-push: maxAttempts too large", "git-push", """{"path":"a","maxAttempts":2147483648}""", "maxAttempts: Must be less than or equal to 2.147483647e+09")]
    [InlineData("git-push: maxAttempts fractional", "git-push", """{"path":"a","maxAttempts":1.5}""", "maxAttempts: Invalid type. Expected: integer, given: number")]
    [InlineData("git-push: generate and target", "git-push", """{"path":"a","generateTargetBranch":true,"targetBranch":"fake-branch"}""", "(root): Must validate one and only one schema (oneOf)")]
    [InlineData("git-push: tag and generate", "git-push", """{"path":"a","generateTargetBranch":true,"tag":"v1"}""", "(root): Must validate one and only one schema (oneOf)")]
    [InlineData("git-push: tag and target", "git-push", """{"path":"a","targetBranch":"b","tag":"v1"}""", "(root): Must validate one and only one schema (oneOf)")]
    [InlineData("git-push: tag and force", "git-push", """{"path":"a","tag":"v1","force":true}""", "(root): Must validate one and only one schema (oneOf)")]
    [InlineData("git-push: unknown provider", "git-push", """{"path":"a","provider":"sourceforge"}""", "provider: provider must be one of the following: \"azure\", \"bitbucket\", \"gitea\", \"github\", \"gitlab\"")]
    [InlineData("git-push: unknown key", "git-push", """{"path":"a","remote":"upstream"}""", "(root): Additional property remote is not allowed")]
    public async Task RunAsync_InvalidConfig_FailsTerminallyWithFieldPath(string scenario, string kind, string config, string expectedLines)
    {
        Assert.NotNull(scenario);
        using var temp = new TempDirectory();
        Assert.True(Registry.TryGet(kind, out var step));
        var result = await step.RunAsync(StepContext.ForWorkDirectory(temp.Path), JsonNode.Parse(config)!.AsObject(), CancellationToken.None);
        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.StartsWith($"invalid {kind} config: ", result.Message, StringComparison.Ordinal);
        foreach (var line in expectedLines.Split('|'))
        {
            Assert.Contains(line, result.Message, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("git-push: path alone", "git-push", """{"path":"a"}""")]
    [InlineData("git-push: generate with empty target", "git-push", """{"path":"a","generateTargetBranch":true,"targetBranch":""}""")]
    [InlineData("git-push: empty target alone", "git-push", """{"path":"a","targetBranch":""}""")]
    [InlineData("git-push: generate false with target", "git-push", """{"path":"a","generateTargetBranch":false,"targetBranch":"b"}""")]
    [InlineData("git-push: force", "git-push", """{"path":"a","force":true}""")]
    [InlineData("git-push: maxAttempts max", "git-push", """{"path":"a","maxAttempts":2147483647}""")]
    [InlineData("git-tag: unknown keys accepted as Kargo does", "git-tag", """{"path":"a","tag":"v1","message":"m","bogus":1}""")]
    [InlineData("git-commit: empty signing key", "git-commit", """{"path":"a","message":"m","author":{"name":"n","email":"a@b.c","signingKey":""}}""")]
    public async Task RunAsync_ValidConfig_FailsOnlyOnTheMissingWorkTree(string scenario, string kind, string config)
    {
        Assert.NotNull(scenario);
        using var temp = new TempDirectory();
        Assert.True(Registry.TryGet(kind, out var step));
        var result = await step.RunAsync(StepContext.ForWorkDirectory(temp.Path), JsonNode.Parse(config)!.AsObject(), CancellationToken.None);
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("error loading working tree from a: ", result.Message, StringComparison.Ordinal);
    }
}
