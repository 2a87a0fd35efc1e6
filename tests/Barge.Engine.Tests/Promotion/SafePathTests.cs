using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion;

public sealed class SafePathTests
{
    [Theory]
    [InlineData("plain", "a/b", "a/b")]
    [InlineData("leading dot-dot", "../x", "x")]
    [InlineData("many dot-dots", "a/../../../b", "b")]
    [InlineData("absolute", "/etc/passwd", "etc/passwd")]
    [InlineData("dots and slashes", "./a/./b/", "a/b")]
    [InlineData("only dot-dots", "../..", "")]
    public void Join_LexicalPath_StaysInsideRoot(string scenario, string path, string expected)
    {
        Assert.NotNull(scenario);
        using var temp = new TempDirectory();
        Assert.Equal(Path.Combine(temp.Path, expected).TrimEnd('/'), SafePath.Join(temp.Path, path));
    }

    [Fact]
    public void Join_SymlinkToAbsoluteOutsidePath_IsReadAsRelativeToRoot()
    {
        using var temp = new TempDirectory();
        // Dangling targets only: TempDirectory's clean-up walks through links that resolve.
        File.CreateSymbolicLink(temp.Combine("link"), "/barge-missing-target/etc");
        Assert.Equal(temp.Combine("barge-missing-target", "etc", "passwd"), SafePath.Join(temp.Path, "link/passwd"));
    }

    [Fact]
    public void Join_SymlinkClimbingAboveRoot_StopsAtRoot()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("a"));
        File.CreateSymbolicLink(temp.Combine("a", "up"), "../../../../barge-missing-target");
        Assert.Equal(temp.Combine("barge-missing-target", "secret"), SafePath.Join(temp.Path, "a/up/secret"));
    }

    [Fact]
    public void Join_SymlinkInsideRoot_IsFollowed()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("real"));
        File.CreateSymbolicLink(temp.Combine("alias"), "real");
        Assert.Equal(temp.Combine("real", "file.txt"), SafePath.Join(temp.Path, "alias/file.txt"));
    }

    [Fact]
    public void Join_SymlinkLoop_ThrowsIOException()
    {
        using var temp = new TempDirectory();
        File.CreateSymbolicLink(temp.Combine("a"), "b");
        File.CreateSymbolicLink(temp.Combine("b"), "a");
        var ex = Assert.Throws<IOException>(() => SafePath.Join(temp.Path, "a/x"));
        Assert.Contains("too many levels of symbolic links", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the root itself", "", true)]
    [InlineData("a child", "x/y", true)]
    [InlineData("a sibling with the root as name prefix", "../root-sibling", false)]
    [InlineData("the parent", "..", false)]
    public void IsInside_Path_IsJudgedByComponents(string scenario, string relative, bool expected)
    {
        Assert.NotNull(scenario);
        using var temp = new TempDirectory();
        var root = temp.Combine("root");
        Assert.Equal(expected, SafePath.IsInside(root, Path.GetFullPath(Path.Combine(root, relative))));
    }

    [Fact]
    public void RealPath_MissingComponent_IsNull()
    {
        using var temp = new TempDirectory();
        Assert.Null(SafePath.RealPath(temp.Combine("missing", "child")));
    }

    [Fact]
    public void RealPath_SymlinkedDirectory_ResolvesToTarget()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("real"));
        File.CreateSymbolicLink(temp.Combine("alias"), temp.Combine("real"));
        Assert.Equal(temp.Combine("real"), SafePath.RealPath(temp.Combine("alias")));
    }
}
