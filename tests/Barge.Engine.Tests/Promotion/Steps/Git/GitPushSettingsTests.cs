using Barge.Engine.Promotion.Steps;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

public sealed class GitPushSettingsTests
{
    [Theory]
    [InlineData("", "AlwaysRebase")]
    [InlineData(null, "AlwaysRebase")]
    [InlineData("None", "None")]
    [InlineData("AlwaysMerge", "AlwaysMerge")]
    [InlineData("RebaseOrMerge", "RebaseOrMerge")]
    [InlineData("RebaseOrFail", "RebaseOrFail")]
    public void TryParsePolicy_KnownName_IsThatPolicy(string? text, string expected)
    {
        Assert.True(GitPushSettings.TryParsePolicy(text, out var policy, out var error));
        Assert.Null(error);
        Assert.Equal(expected, policy.ToString());
    }

    [Theory]
    [InlineData("alwaysrebase")]
    [InlineData("Sometimes")]
    [InlineData("1")]
    public void TryParsePolicy_UnknownName_IsKargosError(string text)
    {
        Assert.False(GitPushSettings.TryParsePolicy(text, out _, out var error));
        Assert.Equal($"unknown push integration policy: \"{text}\"", error);
    }
}
