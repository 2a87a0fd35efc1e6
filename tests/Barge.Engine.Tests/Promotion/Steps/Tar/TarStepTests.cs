using System.Formats.Tar;
using System.IO.Compression;
using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Tar;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TarStepTests : IDisposable
{
    private readonly TempDirectory temp = new("tar");

    public TarStepTests()
    {
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(Path.Combine(Work, "src", "sub"));
        Directory.CreateDirectory(Path.Combine(Work, "src", ".git"));
        File.WriteAllText(Path.Combine(Work, "src", "b.txt"), "bee");
        File.WriteAllText(Path.Combine(Work, "src", "a.log"), "log");
        File.WriteAllText(Path.Combine(Work, "src", "sub", "c.txt"), "sea");
        File.WriteAllText(Path.Combine(Work, "src", ".git", "HEAD"), "ref: x");
        File.SetUnixFileMode(Path.Combine(Work, "src", "b.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string Work => temp.Combine("work");

    public void Dispose()
    {
        StepRun.RemoveLinks(temp.Path);
        temp.Dispose();
    }

    [Theory]
    [InlineData("no paths", """{}""", "invalid tar config: (root): inPath is required\n(root): outPath is required")]
    [InlineData("empty ignore", """{"inPath":"a","outPath":"b","ignore":""}""", "invalid tar config: ignore: String length must be greater than or equal to 1")]
    [InlineData("gzip not bool", """{"inPath":"a","outPath":"b","gzip":"yes"}""", "invalid tar config: gzip: Invalid type. Expected: boolean, given: string")]
    [InlineData("unknown key", """{"inPath":"a","outPath":"b","level":9}""", "invalid tar config: (root): Additional property level is not allowed")]
    public async Task RunAsync_InvalidConfig_FailsTerminally(string scenario, string config, string message)
    {
        Assert.NotNull(scenario);
        var result = await StepRun.RunAsync("tar", Work, config);

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal(message, result.Message);
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("gzip", true)]
    public async Task RunAsync_Directory_ArchivesSortedEntriesWithoutGit(string scenario, bool gzip)
    {
        Assert.NotNull(scenario);
        File.CreateSymbolicLink(Path.Combine(Work, "src", "link"), "/etc/passwd");

        var result = await StepRun.RunAsync("tar", Work, $$"""{"inPath":"src","outPath":"out/src.tar","gzip":{{(gzip ? "true" : "false")}}}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        var entries = ReadArchive(Path.Combine(Work, "out", "src.tar"));
        Assert.Equal(["a.log", "b.txt", "link", "sub/", "sub/c.txt"], entries.Select(e => e.Name));
        Assert.Equal("bee", entries[1].Data);
        Assert.Equal(TarEntryType.SymbolicLink, entries[2].Type);
        Assert.Equal("/etc/passwd", entries[2].LinkName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, entries[1].Mode);
        Assert.Equal(["src.tar"], Directory.EnumerateFileSystemEntries(Path.Combine(Work, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunAsync_IgnoreRules_ExcludeMatchesAndKeepGitExcluded()
    {
        var result = await StepRun.RunAsync("tar", Work, """{"inPath":"src","outPath":"src.tar","ignore":"*.log\nsub/"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(["b.txt"], ReadArchive(Path.Combine(Work, "src.tar")).Select(e => e.Name));
    }

    [Fact]
    public async Task RunAsync_NegatedGitRule_IncludesGit()
    {
        var result = await StepRun.RunAsync("tar", Work, """{"inPath":"src","outPath":"src.tar","ignore":"!.git"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Contains(".git/HEAD", ReadArchive(Path.Combine(Work, "src.tar")).Select(e => e.Name));
    }

    [Fact]
    public async Task RunAsync_SingleFile_ArchivedUnderBaseName()
    {
        var result = await StepRun.RunAsync("tar", Work, """{"inPath":"src/sub/c.txt","outPath":"c.tar"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(["c.txt"], ReadArchive(Path.Combine(Work, "c.tar")).Select(e => e.Name));
    }

    [Fact]
    public async Task RunAsync_ExistingArchive_IsReplaced()
    {
        File.WriteAllText(Path.Combine(Work, "c.tar"), "old");

        var result = await StepRun.RunAsync("tar", Work, """{"inPath":"src/sub","outPath":"c.tar"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(["c.txt"], ReadArchive(Path.Combine(Work, "c.tar")).Select(e => e.Name));
    }

    [Fact]
    public async Task RunAsync_MissingInput_Errors()
    {
        var result = await StepRun.RunAsync("tar", Work, """{"inPath":"nope","outPath":"c.tar"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("input path \"nope\" does not exist:", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InputThroughLinkOutside_IsConfinedToWorkDirectory()
    {
        var outside = temp.Combine("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(Work, "out-link"), outside);

        var result = await StepRun.RunAsync("tar", Work, """{"inPath":"../outside","outPath":"x.tar"}""");
        var linked = await StepRun.RunAsync("tar", Work, """{"inPath":"out-link","outPath":"y.tar"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.False(File.Exists(Path.Combine(Work, "x.tar")));
        Assert.Equal(StepStatus.Errored, linked.Status);
    }

    [Fact]
    public async Task RunAsync_OutputInGitMetadata_Fails()
    {
        var result = await StepRun.RunAsync("tar", Work, """{"inPath":"src/sub","outPath":"src/.git/hooks.tar"}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.False(File.Exists(Path.Combine(Work, "src", ".git", "hooks.tar")));
    }

    [Fact]
    public async Task RunAsync_FileOverSizeLimit_ErrorsAndLeavesNoArchive()
    {
        using (var big = new FileStream(Path.Combine(Work, "src", "sub", "big.bin"), FileMode.Create))
        {
            big.SetLength(50L * 1024 * 1024 + 1);
        }

        var result = await StepRun.RunAsync("tar", Work, """{"inPath":"src","outPath":"big.tar"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Contains("exceeds the maximum allowed single file size (52428800 bytes)", result.Message, StringComparison.Ordinal);
        Assert.StartsWith("failed to create the tar archive \"big.tar\": failed during directory walk: ", result.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Work));
    }

    internal sealed record Entry(string Name, TarEntryType Type, string LinkName, UnixFileMode Mode, string Data);

    internal static List<Entry> ReadArchive(string path)
    {
        using var file = File.OpenRead(path);
        var magic = new byte[2];
        file.ReadExactly(magic);
        file.Position = 0;
        using Stream input = magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new TarReader(input);
        var entries = new List<Entry>();
        while (reader.GetNextEntry() is { } entry)
        {
            var data = entry.DataStream is { } stream ? new StreamReader(stream).ReadToEnd() : "";
            entries.Add(new Entry(entry.Name, entry.EntryType, entry.LinkName, entry.Mode, data));
        }
        return entries;
    }
}
