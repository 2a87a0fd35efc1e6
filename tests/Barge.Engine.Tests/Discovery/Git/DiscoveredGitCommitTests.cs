using Barge.Engine.Discovery.Git;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Git;

public sealed class DiscoveredGitCommitTests
{
    [Theory]
    [InlineData("short", "fix: a bug", "fix: a bug")]
    [InlineData("exactly 80", "80", "80")]
    [InlineData("81 cut to 77 plus dots", "81", "77...")]
    [InlineData("multibyte at exactly 80 bytes", "é40", "é40")]
    [InlineData("multibyte counted in bytes", "é41", "é38\uFFFD...")]
    [InlineData("multibyte split at the cut", "a76é", "a76\uFFFD...")]
    public void ShortenSubject_Subject_KargoRule(string scenario, string input, string expected)
    {
        Assert.True(Expand(expected) == DiscoveredGitCommit.ShortenSubject(Expand(input)), scenario);
    }

    // "81" means 81 x's; "é41" means 41 é's (82 bytes); "77..." means 77 x's then "..."; "a76é" means 76 a's then é.
    private static string Expand(string spec) => spec switch
    {
        "80" => new string('x', 80),
        "81" => new string('x', 81),
        "77..." => new string('x', 77) + "...",
        "é40" => new string('é', 40),
        "é41" => new string('é', 41),
        "é38\uFFFD..." => new string('é', 38) + "\uFFFD...",
        "a76é" => new string('a', 76) + "é" + "tail",
        "a76\uFFFD..." => new string('a', 76) + "\uFFFD...",
        _ => spec,
    };
}
