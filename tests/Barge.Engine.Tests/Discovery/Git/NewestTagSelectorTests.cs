using Barge.Engine.Discovery.Git;
using Barge.Engine.Git;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Git;

public sealed class NewestTagSelectorTests
{
    [Fact]
    public async Task SelectAsync_AllowDev_KeepsCreatorDateOrder()
    {
        var history = InMemoryGitHistory.WithTags("v1.1.0", "dev-3", "dev-10", "v1.0.0", "dev-1");
        var options = new GitSelectionOptions { Strategy = GitCommitSelectionStrategy.NewestTag, AllowTagsRegexes = ["^dev"] };

        var commits = await options.Build().SelectOkAsync(history);

        Assert.Equal(["dev-3", "dev-10", "dev-1"], commits.Tags());
        Assert.Equal(history.Tags[1].CreatorDate, commits[0].CreatorDate);
    }

    [Fact]
    public void ObserveRefs_MoreThanCap_IsNull()
    {
        var lines = Enumerable.Range(0, GitObservedRefs.MaxObservedTags + 1).Select(i => $"{i:x40}\trefs/tags/t{i}");
        var remote = RemoteRefSnapshot.Parse(string.Join('\n', lines));

        Assert.Null(new GitSelectionOptions { Strategy = GitCommitSelectionStrategy.NewestTag }.Build().ObserveRefs(remote));
    }
}
