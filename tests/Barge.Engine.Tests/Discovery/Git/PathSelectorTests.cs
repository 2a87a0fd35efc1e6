using Barge.Engine.Discovery.Git;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Git;

public sealed class PathSelectorTests
{
    [Theory]
    // Base directories (Go's filepath.Rel, then "no .. anywhere").
    [InlineData("base dir admits file below", "charts", "charts/app/values.yaml", true)]
    [InlineData("base dir admits itself", "charts", "charts", true)]
    [InlineData("base dir rejects sibling", "charts", "chartsx/a.yaml", false)]
    [InlineData("base dir rejects other", "charts", "src/a.cs", false)]
    [InlineData("trailing slash is cleaned", "charts/", "charts/a.yaml", true)]
    [InlineData("dot slash is cleaned", "./charts", "charts/a.yaml", true)]
    [InlineData("empty base admits everything", "", "any/where.txt", true)]
    [InlineData("double dot in a file name rejects (Kargo quirk)", "src", "src/a..b.txt", false)]
    [InlineData("absolute base vs relative path", "/charts", "charts/a.yaml", false)]
    // Regular expressions are unanchored.
    [InlineData("regex anchored", "regex:^[a-z]+/config.yaml$", "app/config.yaml", true)]
    [InlineData("regex unanchored", "regex:config", "app/config.yaml", true)]
    [InlineData("regexp prefix", "regexp:\\.md$", "docs/readme.md", true)]
    [InlineData("regex no match", "regex:^src/", "docs/readme.md", false)]
    // Globs (doublestar).
    [InlineData("glob star one segment", "glob:*.txt", "a.txt", true)]
    [InlineData("glob star not across slash", "glob:*.txt", "d/a.txt", false)]
    [InlineData("glob doublestar prefix", "glob:**/*.txt", "a/b/c.txt", true)]
    [InlineData("glob doublestar prefix zero dirs", "glob:**/c", "c", true)]
    [InlineData("glob doublestar suffix matches folder", "glob:a/**", "a", true)]
    [InlineData("glob doublestar suffix deep", "glob:a/**", "a/b/c", true)]
    [InlineData("glob doublestar middle zero dirs", "glob:a/**/b", "a/b", true)]
    [InlineData("glob doublestar middle deep", "glob:a/**/d", "a/b/c/d", true)]
    [InlineData("glob doublestar not whole segment", "glob:abc**", "abc/b", false)]
    [InlineData("glob doublestar mid-name is star", "glob:path/**.txt", "path/x/y.txt", false)]
    [InlineData("glob doublestar alone matches empty", "glob:**", "", true)]
    [InlineData("glob question", "glob:a?c", "abc", true)]
    [InlineData("glob question not slash", "glob:a?c", "a/c", false)]
    [InlineData("glob class range", "glob:[a-c]x", "bx", true)]
    [InlineData("glob negated class", "glob:[!a-c]x", "dx", true)]
    [InlineData("glob negated class not slash", "glob:a[^x]b", "a/b", false)]
    [InlineData("glob class never slash", "glob:a[/]b", "a/b", false)]
    [InlineData("glob alternatives", "glob:**/{a,b}", "x/b", true)]
    [InlineData("glob escaped star", "glob:a/\\**", "a/b/c", false)]
    [InlineData("glob literal dot", "glob:a.b", "axb", false)]
    public void Matches_Path_AsKargo(string scenario, string selector, string path, bool expected)
    {
        Assert.True(PathSelector.TryParse(selector, out var parsed, out var error), error);

        Assert.True(expected == parsed.Matches(path), scenario);
    }

    [Theory]
    [InlineData("glob:[")]
    [InlineData("glob:[]")]
    [InlineData("glob:{a,b")]
    [InlineData("glob:a}")]
    [InlineData("glob:a\\")]
    [InlineData("regex:[a-z")]
    [InlineData("regexp:(")]
    public void TryParse_BadPattern_Fails(string selector)
    {
        Assert.False(PathSelector.TryParse(selector, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
