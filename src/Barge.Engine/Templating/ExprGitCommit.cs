using Barge.Resources.Model;

namespace Barge.Engine.Templating;

/// <summary>What <c>commitFrom</c> returns: a Freight commit with Kargo's Go field names (<c>.ID</c>, <c>.RepoURL</c>, …).</summary>
internal sealed record ExprGitCommit(string RepoURL, string ID, string Branch, string Tag, string Message, string Author, string Committer, string SubscriptionName)
{
    public static ExprGitCommit From(GitCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return new(commit.RepoURL ?? "", commit.Id ?? "", commit.Branch ?? "", commit.Tag ?? "", commit.Message ?? "",
            commit.Author ?? "", commit.Committer ?? "", commit.SubscriptionName ?? "");
    }
}
