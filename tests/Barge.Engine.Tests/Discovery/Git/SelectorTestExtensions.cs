using Barge.Engine.Discovery.Git;
using Barge.Engine.Git;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Git;

internal static class SelectorTestExtensions
{
    public static IGitCommitSelector Build(this GitSelectionOptions options)
    {
        Assert.True(GitCommitSelectors.TryCreate(options, out var selector, out var errors), string.Join("; ", errors));
        return selector;
    }

    public static async Task<IReadOnlyList<DiscoveredGitCommit>> SelectOkAsync(this IGitCommitSelector selector, IGitHistory history)
    {
        var outcome = await selector.SelectAsync(history, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value;
    }

    public static string[] Tags(this IReadOnlyList<DiscoveredGitCommit> commits) => [.. commits.Select(c => c.Tag)];
}
