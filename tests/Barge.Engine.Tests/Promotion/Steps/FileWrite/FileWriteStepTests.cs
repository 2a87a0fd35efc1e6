using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.FileWrite;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileWriteStepTests : IDisposable
{
    private readonly TempDirectory temp = new("file-write");

    public FileWriteStepTests()
    {
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(Outside);
    }

    private string Work => temp.Combine("work");

    private string Outside => temp.Combine("outside");

    public void Dispose()
    {
        StepRun.RemoveLinks(temp.Path);
        temp.Dispose();
    }

    [Theory]
    [InlineData("no path", """{"contents":"x"}""", "invalid file-write config: (root): path is required")]
    [InlineData("empty path", """{"path":"","contents":"x"}""", "invalid file-write config: path: String length must be greater than or equal to 1")]
    [InlineData("no contents", """{"path":"a"}""", "invalid file-write config: (root): contents is required")]
    [InlineData("number contents", """{"path":"a","contents":123}""", "invalid file-write config: contents: Invalid type. Expected: string, given: integer")]
    [InlineData("unknown key", """{"path":"a","contents":"","unknown":1}""", "invalid file-write config: (root): Additional property unknown is not allowed")]
    [InlineData("number permissions", """{"path":"a","contents":"","permissions":644}""", "invalid file-write config: permissions: Invalid type. Expected: string, given: integer")]
    [InlineData("bad permissions", """{"path":"a","contents":"","permissions":"invalid"}""", "invalid file-write config: permissions: Does not match pattern '^0[0-7]{3}$'")]
    [InlineData("absolute", """{"path":"/etc/passwd","contents":""}""", "path \"/etc/passwd\" must be relative")]
    [InlineData("traversal", """{"path":"a/../../x","contents":""}""", "path \"a/../../x\" attempts to traverse outside the working directory")]
    [InlineData("git metadata", """{"path":"./.git/config","contents":""}""", "writing to the .git directory is forbidden: \"./.git/config\"")]
    [InlineData("executable", """{"path":"a","contents":"","permissions":"0755"}""", "permissions \"0755\" must not include executable bits")]
    [InlineData("world-writable", """{"path":"a","contents":"","permissions":"0666"}""", "permissions \"0666\" must not be world-writable")]
    public async Task RunAsync_RejectedConfig_FailsTerminally(string scenario, string config, string message)
    {
        Assert.NotNull(scenario);
        var result = await StepRun.RunAsync("file-write", Work, config);

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal(message, result.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Work));
    }

    [Fact]
    public async Task RunAsync_NewFileInNewDirectories_WritesBytesWithMode()
    {
        var result = await StepRun.RunAsync("file-write", Work, """{"path":"a/b/c.txt","contents":"héllo\nno newline"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Null(result.Output);
        var path = Path.Combine(Work, "a", "b", "c.txt");
        Assert.Equal("héllo\nno newline"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(Work, "a")));
    }

    [Fact]
    public async Task RunAsync_ExistingFileWithoutOverwrite_FailsAndKeepsIt()
    {
        File.WriteAllText(Path.Combine(Work, "a.txt"), "old");

        var result = await StepRun.RunAsync("file-write", Work, """{"path":"a.txt","contents":"new"}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.Equal("file \"a.txt\" already exists; set overwrite to true to replace it", result.Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(Work, "a.txt")));
    }

    [Fact]
    public async Task RunAsync_OverwriteExistingFile_ReplacesContentsAndSetsMode()
    {
        var path = Path.Combine(Work, "a.txt");
        File.WriteAllText(path, "old and longer");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);

        var result = await StepRun.RunAsync("file-write", Work, """{"path":"a.txt","contents":"new","permissions":"0640","overwrite":true}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [Theory]
    [InlineData("linked file", "link.txt")]
    [InlineData("linked directory", "dir/x.txt")]
    public async Task RunAsync_PathThroughSymlink_FailsAndLeavesOutsideUntouched(string scenario, string path)
    {
        Assert.NotNull(scenario);
        File.WriteAllText(Path.Combine(Outside, "x.txt"), "keep");
        File.CreateSymbolicLink(Path.Combine(Work, "link.txt"), Path.Combine(Outside, "x.txt"));
        File.CreateSymbolicLink(Path.Combine(Work, "dir"), Outside);

        var result = await StepRun.RunAsync("file-write", Work, $$"""{"path":"{{path}}","contents":"pwned","overwrite":true}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.StartsWith($"path \"{path}\" resolves to a different path", result.Message, StringComparison.Ordinal);
        Assert.Equal(["x.txt"], Directory.EnumerateFileSystemEntries(Outside).Select(Path.GetFileName));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(Outside, "x.txt")));
    }

    [Fact]
    public async Task RunAsync_NestedGitMetadata_Fails()
    {
        Directory.CreateDirectory(Path.Combine(Work, "repo", ".git"));

        var result = await StepRun.RunAsync("file-write", Work, """{"path":"repo/.git/hooks/post-checkout","contents":"#!/bin/sh"}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.False(Directory.Exists(Path.Combine(Work, "repo", ".git", "hooks")));
    }

    [Fact]
    public async Task RunAsync_TargetIsDirectory_Errors()
    {
        Directory.CreateDirectory(Path.Combine(Work, "d"));

        var result = await StepRun.RunAsync("file-write", Work, """{"path":"d","contents":"x","overwrite":true}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("error writing file \"d\":", result.Message, StringComparison.Ordinal);
    }
}
