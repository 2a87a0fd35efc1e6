using Barge.Engine.Promotion.Steps;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

/// <summary>The commit URL vectors of kargo-steps.md §2.8 (builder only), plus Barge's inference for SCP URLs and Azure.</summary>
public sealed class GitCommitUrlTests
{
    [Theory]
    [InlineData("ssh://git@github.com/akuity/kargo.git", "github", "https://github.com/akuity/kargo/commit/sha")]
    [InlineData("git@github.com:akuity/kargo.git", "github", "https://github.com/akuity/kargo/commit/sha")]
    [InlineData("https://username@github.com/akuity/kargo", "github", "https://github.com/akuity/kargo/commit/sha")]
    [InlineData("http://github.com/akuity/kargo.git", "github", "https://github.com/akuity/kargo/commit/sha")]
    [InlineData("ssh://git@gitlab.com/akuity/kargo.git", "gitlab", "https://gitlab.com/akuity/kargo/-/commit/sha")]
    [InlineData("git@gitlab.com:akuity/kargo.git", "gitlab", "https://gitlab.com/akuity/kargo/-/commit/sha")]
    [InlineData("http://gitlab.com/akuity/kargo", "gitlab", "https://gitlab.com/akuity/kargo/-/commit/sha")]
    [InlineData("http://gitea.com/akuity/kargo", "gitea", "https://gitea.com/akuity/kargo/commit/sha")]
    [InlineData("ssh://git@gitea.com/akuity/kargo", "gitea", "https://gitea.com/akuity/kargo/commit/sha")]
    [InlineData("git@gitea.com:akuity/kargo", "gitea", "https://gitea.com/akuity/kargo/commit/sha")]
    [InlineData("git@custom.host.com:akuity/kargo", "gitea", "https://custom.host.com/akuity/kargo/commit/sha")]
    [InlineData("http://custom.host.com/akuity/kargo", "gitea", "https://custom.host.com/akuity/kargo/commit/sha")]
    [InlineData("ssh://git@bitbucket.org/akuity/kargo.git", "bitbucket", "https://bitbucket.org/akuity/kargo/commits/sha")]
    [InlineData("git@bitbucket.org:akuity/kargo.git", "bitbucket", "https://bitbucket.org/akuity/kargo/commits/sha")]
    [InlineData("https://username@bitbucket.org/akuity/kargo", "bitbucket", "https://bitbucket.org/akuity/kargo/commits/sha")]
    [InlineData("ssh://git@ssh.dev.azure.com/akuity/_git/kargo", "azure", "https://dev.azure.com/akuity/_git/kargo/commit/sha")]
    [InlineData("git@ssh.dev.azure.com:v3/akuity/_git/kargo", "azure", "https://dev.azure.com/akuity/_git/kargo/commit/sha")]
    [InlineData("http://dev.azure.com/akuity/_git/kargo", "azure", "https://dev.azure.com/akuity/_git/kargo/commit/sha")]
    public void Build_KargoVectors_MatchWithProviderAndByInference(string url, string provider, string expected)
    {
        Assert.Equal(expected, GitCommitUrl.Build(url, provider, "sha"));
        if (!url.Contains("custom.host", StringComparison.Ordinal))
        {
            Assert.Equal(expected, GitCommitUrl.Build(url, null, "sha"));
        }
    }

    [Theory]
    [InlineData("github with a subgroup path", "https://github.com/a/b/c", "github")]
    [InlineData("a local file URL", "file:///tmp/repo.git", null)]
    [InlineData("an unknown host", "https://git.internal/a/b", null)]
    [InlineData("no path", "https://github.com", null)]
    public void Build_Unsuitable_ReturnsNull(string scenario, string url, string? provider)
    {
        Assert.NotNull(scenario);
        Assert.Null(GitCommitUrl.Build(url, provider, "sha"));
    }
}
