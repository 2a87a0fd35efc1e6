using Barge.Engine.Discovery.Git;
using Barge.Engine.Git;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Git;

public sealed class LexicalTagSelectorTests
{
    [Fact]
    public async Task SelectAsync_Tags_ReverseLexicalOrder()
    {
        var history = InMemoryGitHistory.WithTags("b", "a10", "a9", "C", "dev-2");

        var commits = await new GitSelectionOptions { Strategy = GitCommitSelectionStrategy.Lexical }.Build().SelectOkAsync(history);

        Assert.Equal(["dev-2", "b", "a9", "a10", "C"], commits.Tags());
    }

    [Fact]
    public void Order_NonAsciiNames_ByUtf8Bytes()
    {
        var tags = new[] { "\uFF21", "\U0001F600" }
            .Select(n => new GitTag(n, "c", "s", "a", "c", DateTimeOffset.UnixEpoch, "", ""))
            .ToList();

        var ordered = LexicalTagSelector.Order(tags);

        Assert.Equal(["\U0001F600", "\uFF21"], ordered.Select(t => t.Name));
    }
}
