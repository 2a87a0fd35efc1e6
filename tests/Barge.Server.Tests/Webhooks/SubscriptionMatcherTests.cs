using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Server.Webhooks;
using Xunit;

namespace Barge.Server.Tests.Webhooks;

public sealed class SubscriptionMatcherTests
{
    private static readonly RepositoryUrl Repo = new(RepositoryKind.Git, "https://github.com/example/app");

    [Theory]
    [InlineData("branch push on the subscribed branch", """{"git":{"repoURL":"https://github.com/example/app.git","branch":"release"}}""", "refs/heads/release", null, true)]
    [InlineData("branch push on another branch", """{"git":{"repoURL":"https://github.com/example/app.git","branch":"release"}}""", "refs/heads/main", null, false)]
    [InlineData("no branch accepts master", """{"git":{"repoURL":"https://github.com/example/app"}}""", "refs/heads/master", null, true)]
    [InlineData("tag push on a branch subscription", """{"git":{"repoURL":"https://github.com/example/app"}}""", "refs/tags/v1.0.0", null, false)]
    [InlineData("semver tag inside the constraint", """{"git":{"repoURL":"https://github.com/example/app","commitSelectionStrategy":"SemVer","semverConstraint":"^1.0.0"}}""", "refs/tags/v1.2.0", null, true)]
    [InlineData("semver tag outside the constraint", """{"git":{"repoURL":"https://github.com/example/app","commitSelectionStrategy":"SemVer","semverConstraint":"^1.0.0"}}""", "refs/tags/v2.0.0", null, false)]
    [InlineData("tag ignored by regex", """{"git":{"repoURL":"https://github.com/example/app","commitSelectionStrategy":"NewestTag","ignoreTagsRegexes":["^nightly"]}}""", "refs/tags/nightly-1", null, false)]
    [InlineData("changed path inside includePaths", """{"git":{"repoURL":"https://github.com/example/app","includePaths":["src"]}}""", "refs/heads/main", "src/a.cs", true)]
    [InlineData("changed path outside includePaths", """{"git":{"repoURL":"https://github.com/example/app","includePaths":["src"]}}""", "refs/heads/main", "docs/a.md", false)]
    [InlineData("changed path excluded", """{"git":{"repoURL":"https://github.com/example/app","excludePaths":["docs"]}}""", "refs/heads/main", "docs/a.md", false)]
    [InlineData("other repository", """{"git":{"repoURL":"https://github.com/example/other"}}""", "refs/heads/main", null, false)]
    public void Accepts_GitPush_FollowsKargoQualifiers(string scenario, string subscription, string reference, string? changedPath, bool expected)
    {
        _ = scenario;
        var spec = ResourceSerializer.FromJson<WarehouseSpec>($$"""{"subscriptions":[{{subscription}}]}""")!;
        var push = new RepositoryPush([Repo], [reference], changedPath is null ? null : [changedPath]);

        Assert.Equal(expected, SubscriptionMatcher.Accepts(spec, push));
    }

    [Theory]
    [InlineData("no qualifiers accept any", """{"image":{"repoURL":"ghcr.io/example/app"}}""", null, true)]
    [InlineData("lexical with allowed tag", """{"image":{"repoURL":"ghcr.io/example/app","imageSelectionStrategy":"Lexical","allowTagsRegexes":["^build-"]}}""", "build-7", true)]
    [InlineData("lexical with tag not allowed", """{"image":{"repoURL":"ghcr.io/example/app","imageSelectionStrategy":"Lexical","allowTagsRegexes":["^build-"]}}""", "latest", false)]
    [InlineData("semver default rejects non-semver", """{"image":{"repoURL":"ghcr.io/example/app"}}""", "latest", false)]
    [InlineData("digest strategy takes the mutable tag", """{"image":{"repoURL":"ghcr.io/example/app","imageSelectionStrategy":"Digest","constraint":"stable"}}""", "stable", true)]
    public void Accepts_ImagePush_FollowsTagFilters(string scenario, string subscription, string? tag, bool expected)
    {
        _ = scenario;
        var spec = ResourceSerializer.FromJson<WarehouseSpec>($$"""{"subscriptions":[{{subscription}}]}""")!;
        var push = new RepositoryPush([new RepositoryUrl(RepositoryKind.Image, "ghcr.io/example/app")], tag is null ? [] : [tag]);

        Assert.Equal(expected, SubscriptionMatcher.Accepts(spec, push));
    }
}
