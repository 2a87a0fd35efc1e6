using Barge.Engine.Credentials;
using Barge.Engine.Discovery.Git;
using Barge.Engine.Git;
using Barge.Expressions;
using Barge.Resources.Identity;
using Barge.Resources.Model;

namespace Barge.Engine.Discovery;

/// <summary>
/// Discovers one git subscription of a Warehouse: maps the model onto the selection options, syncs the
/// shared mirror (keyed by <see cref="RepoUrls.NormalizeGit"/>, so every Warehouse watching the
/// repository shares one fetch), and runs the strategy's selector through the subscription's
/// <c>expressionFilter</c>. When the watched refs did not move and the Warehouse's generation is the
/// one the previous result was computed for, the previous commits are reused (Kargo's short-circuit).
/// </summary>
internal sealed class GitSubscriptionDiscoverer(GitMirrorCache mirrors, ExprOptions expressionOptions)
{
    private readonly SharedTagLists _tagLists = new();

    public async Task<SubscriptionOutcome<GitDiscoveryResult>> DiscoverAsync(
        GitSubscription subscription,
        string? subscriptionName,
        GitDiscoveryResult? previous,
        bool generationUnchanged,
        ICredentialProvider? credentials,
        CancellationToken cancellationToken)
    {
        var url = subscription.RepoURL ?? "";
        var label = $"git subscription \"{url}\"";
        if (url.Length == 0)
        {
            return SubscriptionOutcome<GitDiscoveryResult>.Fail($"{label}: repoURL is required");
        }
        var options = ToOptions(subscription);
        if (!GitCommitSelectors.TryCreate(options, out var selector, out var problems))
        {
            return SubscriptionOutcome<GitDiscoveryResult>.Fail($"{label}: {string.Join("; ", problems)}");
        }
        ExpressionPredicate? filter = null;
        if (!string.IsNullOrWhiteSpace(subscription.ExpressionFilter)
            && !ExpressionPredicate.TryCompile(subscription.ExpressionFilter, "expressionFilter", expressionOptions, out filter, out var compileError))
        {
            return SubscriptionOutcome<GitDiscoveryResult>.Fail($"{label}: {compileError}");
        }

        var found = credentials is null ? null : await credentials.GetCredentialsAsync(CredentialType.Git, url, cancellationToken);
        var gitCredentials = found is null ? null : new GitCredentials(found.Username, found.Password);
        var synced = await mirrors.SyncAsync(RepoUrls.NormalizeGit(url), url, gitCredentials, cancellationToken);
        if (!synced.Succeeded)
        {
            return SubscriptionOutcome<GitDiscoveryResult>.Fail($"{label}: {synced.Error}");
        }
        var mirror = synced.Value!;
        var observed = selector.ObserveRefs(mirror.Refs);
        if (generationUnchanged && previous?.Commits is { Count: > 0 } && observed is not null && observed.SameAs(FromModel(previous.ObservedRefs)))
        {
            return SubscriptionOutcome<GitDiscoveryResult>.Ok(previous with { RepoURL = url, SubscriptionName = subscriptionName }, reused: true);
        }
        var shared = _tagLists.Wrap(mirror);
        IGitHistory history = filter is null ? shared : new ExpressionFilteredHistory(shared, filter);
        var selected = await selector.SelectAsync(history, cancellationToken);
        if (!selected.Succeeded)
        {
            return SubscriptionOutcome<GitDiscoveryResult>.Fail($"{label}: {selected.Error}");
        }
        return SubscriptionOutcome<GitDiscoveryResult>.Ok(new GitDiscoveryResult
        {
            RepoURL = url,
            SubscriptionName = subscriptionName,
            ObservedRefs = ToModel(observed),
            Commits = [.. selected.Value!.Select(c => new DiscoveredCommit
            {
                Id = c.Id,
                Branch = c.Branch.Length == 0 ? null : c.Branch,
                Tag = c.Tag.Length == 0 ? null : c.Tag,
                Subject = c.Subject,
                Author = c.Author,
                Committer = c.Committer,
                CreatorDate = c.CreatorDate,
            })],
        }, reused: false);
    }

    internal static GitSelectionOptions ToOptions(GitSubscription subscription) => new()
    {
        Strategy = subscription.CommitSelectionStrategy switch
        {
            CommitSelectionStrategy.SemVer => GitCommitSelectionStrategy.SemVer,
            CommitSelectionStrategy.Lexical => GitCommitSelectionStrategy.Lexical,
            CommitSelectionStrategy.NewestTag => GitCommitSelectionStrategy.NewestTag,
            _ => GitCommitSelectionStrategy.NewestFromBranch,
        },
        Branch = subscription.Branch ?? "",
        AllowTagsRegexes = subscription.AllowTagsRegexes ?? [],
        IgnoreTagsRegexes = subscription.IgnoreTagsRegexes ?? [],
        AllowTags = subscription.AllowTags ?? "",
        IgnoreTags = subscription.IgnoreTags ?? [],
        SemverConstraint = subscription.SemverConstraint ?? "",
        StrictSemvers = subscription.StrictSemvers ?? true,
        IncludePaths = subscription.IncludePaths ?? [],
        ExcludePaths = subscription.ExcludePaths ?? [],
        DiscoveryLimit = subscription.DiscoveryLimit ?? 20,
        Since = subscription.Since,
    };

    private static ObservedRefs? ToModel(GitObservedRefs? refs) => refs is null ? null : new ObservedRefs
    {
        BranchHead = refs.BranchHead,
        Tags = refs.Tags is null ? null : [.. refs.Tags.Select(t => new ObservedTag { Name = t.Name, Id = t.Id })],
    };

    private static GitObservedRefs? FromModel(ObservedRefs? refs) => refs is null ? null : new GitObservedRefs(
        refs.BranchHead,
        refs.Tags is null ? null : [.. refs.Tags.Select(t => new RemoteRef(t.Name ?? "", t.Id ?? ""))]);
}
