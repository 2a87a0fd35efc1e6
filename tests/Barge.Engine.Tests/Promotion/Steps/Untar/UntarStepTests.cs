using System.Formats.Tar;
using System.IO.Compression;
using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Untar;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UntarStepTests : IDisposable
{
    private readonly TempDirectory temp = new("untar");

    public UntarStepTests()
    {
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(Outside);
        System.IO.File.WriteAllText(Path.Combine(Outside, "secret.txt"), "keep");
    }

    private string Work => temp.Combine("work");

    private string Outside => temp.Combine("outside");

    public void Dispose()
    {
        StepRun.RemoveLinks(temp.Path);
        temp.Dispose();
    }

    [Theory]
    [InlineData("no paths", """{}""", "invalid untar config: (root): inPath is required\n(root): outPath is required")]
    [InlineData("negative strip", """{"inPath":"a","outPath":"b","stripComponents":-1}""", "invalid untar config: stripComponents: Must be greater than or equal to 0")]
    [InlineData("fractional strip", """{"inPath":"a","outPath":"b","stripComponents":1.5}""", "invalid untar config: stripComponents: Invalid type. Expected: integer, given: number")]
    [InlineData("empty ignore", """{"inPath":"a","outPath":"b","ignore":""}""", "invalid untar config: ignore: String length must be greater than or equal to 1")]
    public async Task RunAsync_InvalidConfig_FailsTerminally(string scenario, string config, string message)
    {
        Assert.NotNull(scenario);
        var result = await StepRun.RunAsync("untar", Work, config);

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal(message, result.Message);
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("gzip", true)]
    public async Task RunAsync_Archive_ReplacesOutPathWithContents(string scenario, bool gzip)
    {
        Assert.NotNull(scenario);
        WriteArchive("in.tgz", gzip, File("dir/a.txt", "aye", 0b111_101_101), Dir("dir/empty/"), File("b.txt", "bee"), Link("dir/l", "a.txt"));
        Directory.CreateDirectory(Path.Combine(Work, "out"));
        System.IO.File.WriteAllText(Path.Combine(Work, "out", "old.txt"), "old");

        var result = await StepRun.RunAsync("untar", Work, """{"inPath":"in.tgz","outPath":"out"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(["b.txt", "dir", "dir/a.txt", "dir/empty", "dir/l"], Tree(Path.Combine(Work, "out")));
        Assert.Equal("aye", System.IO.File.ReadAllText(Path.Combine(Work, "out", "dir", "l")));
        Assert.Equal((UnixFileMode)0b111_101_101, System.IO.File.GetUnixFileMode(Path.Combine(Work, "out", "dir", "a.txt")));
        Assert.Equal(["in.tgz", "out"], Directory.EnumerateFileSystemEntries(Work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_StripComponents_DropsLeadingParts()
    {
        WriteArchive("in.tar", false, File("prefix1/prefix2/file.txt", "x"), File("prefix1/short.txt", "y"));

        var result = await StepRun.RunAsync("untar", Work, """{"inPath":"in.tar","outPath":"out","stripComponents":2}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(["file.txt"], Tree(Path.Combine(Work, "out")));
    }

    [Fact]
    public async Task RunAsync_IgnoreRules_AreApplied()
    {
        WriteArchive("in.tar", false, File("keep.txt", "k"), File("ignore.txt", "i"), File("logs/x.log", "l"), File(".git/HEAD", "h"), File("node_modules/m.js", "m"));

        var result = await StepRun.RunAsync("untar", Work, """{"inPath":"in.tar","outPath":"out","ignore":"ignore.txt\n*.log\nnode_modules/"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(["keep.txt"], Tree(Path.Combine(Work, "out")));
    }

    [Fact]
    public async Task RunAsync_HostileEntries_AreSkippedAndNothingEscapes()
    {
        WriteArchive("evil.tar", false,
            File("../escape.txt", "pwned"),
            File("a/../../escape2.txt", "pwned"),
            File("/abs.txt", "pwned"),
            File("./dot.txt", "pwned"),
            File("back\\slash.txt", "pwned"),
            Link("up", ".."),
            Link("etc", "/etc"),
            Link("sibling", "../outside/secret.txt"),
            Link("sub/deep", "../../outside"),
            File("up/escape3.txt", "pwned"),
            File("etc/passwd-pwned", "pwned"),
            File("sibling", "pwned"),
            new PaxTarEntry(TarEntryType.HardLink, "hard") { LinkName = "/etc/passwd" },
            File("ok.txt", "fine"));

        var result = await StepRun.RunAsync("untar", Work, """{"inPath":"evil.tar","outPath":"out"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(["etc", "etc/passwd-pwned", "ok.txt", "sibling", "up", "up/escape3.txt"], Tree(Path.Combine(Work, "out")));
        Assert.Equal("pwned", System.IO.File.ReadAllText(Path.Combine(Work, "out", "sibling")));
        Assert.Null(new FileInfo(Path.Combine(Work, "out", "up")).LinkTarget);
        Assert.Equal(["secret.txt"], Directory.EnumerateFileSystemEntries(Outside).Select(Path.GetFileName));
        Assert.Equal("keep", System.IO.File.ReadAllText(Path.Combine(Outside, "secret.txt")));
        Assert.Equal(["outside", "work"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(System.IO.File.Exists("/etc/passwd-pwned"));
    }

    [Fact]
    public async Task RunAsync_WriteThroughExistingLinkInArchive_StaysInside()
    {
        WriteArchive("in.tar", false, Dir("real/"), Link("l", "real"), File("l/x.txt", "x"));

        var result = await StepRun.RunAsync("untar", Work, """{"inPath":"in.tar","outPath":"out"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("x", System.IO.File.ReadAllText(Path.Combine(Work, "out", "real", "x.txt")));
    }

    [Theory]
    [InlineData("work directory", ".")]
    [InlineData("work directory by climbing", "../..")]
    public async Task RunAsync_OutPathIsWorkDirectory_FailsWithoutDeleting(string scenario, string outPath)
    {
        Assert.NotNull(scenario);
        WriteArchive("in.tar", false, File("a.txt", "a"));

        var result = await StepRun.RunAsync("untar", Work, $$"""{"inPath":"in.tar","outPath":"{{outPath}}"}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(System.IO.File.Exists(Path.Combine(Work, "in.tar")));
    }

    [Fact]
    public async Task RunAsync_OutPathLinkedOutside_ReplacesLinkNotTarget()
    {
        WriteArchive("in.tar", false, File("a.txt", "a"));
        Directory.CreateSymbolicLink(Path.Combine(Work, "out"), Outside);

        var result = await StepRun.RunAsync("untar", Work, """{"inPath":"in.tar","outPath":"out"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(["secret.txt"], Directory.EnumerateFileSystemEntries(Outside).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("not a tar", "this is not a tar archive at all, just text that goes on for a while........................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................")]
    public async Task RunAsync_NotATar_ErrorsAndCleansUp(string scenario, string contents)
    {
        Assert.NotNull(scenario);
        System.IO.File.WriteAllText(Path.Combine(Work, "bad.tar"), contents);

        var result = await StepRun.RunAsync("untar", Work, """{"inPath":"bad.tar","outPath":"out"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("failed to extract tar file \"", result.Message, StringComparison.Ordinal);
        Assert.Equal(["bad.tar"], Directory.EnumerateFileSystemEntries(Work).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunAsync_MissingArchive_Errors()
    {
        var result = await StepRun.RunAsync("untar", Work, """{"inPath":"none.tar","outPath":"out"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Contains("no such file or directory", result.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Work));
    }

    [Fact]
    public async Task RunAsync_FileOverSizeLimit_AbortsAndCleansUp()
    {
        using (var file = System.IO.File.Create(Path.Combine(Work, "bomb.tgz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            using var zeros = new MemoryStream(new byte[50 * 1024 * 1024 + 1]);
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "bomb.bin") { DataStream = zeros });
        }

        var result = await StepRun.RunAsync("untar", Work, """{"inPath":"bomb.tgz","outPath":"out"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.EndsWith("extraction aborted: file bomb.bin exceeds size limit of 52428800 bytes", result.Message, StringComparison.Ordinal);
        Assert.Equal(["bomb.tgz"], Directory.EnumerateFileSystemEntries(Work).Select(Path.GetFileName));
    }

    private static PaxTarEntry File(string name, string data, int mode = 0b110_100_100) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)), Mode = (UnixFileMode)mode };

    private static PaxTarEntry Dir(string name) => new(TarEntryType.Directory, name) { Mode = (UnixFileMode)0b111_101_101 };

    private static PaxTarEntry Link(string name, string target) => new(TarEntryType.SymbolicLink, name) { LinkName = target };

    private void WriteArchive(string name, bool gzip, params PaxTarEntry[] entries)
    {
        using var file = System.IO.File.Create(Path.Combine(Work, name));
        using Stream output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        foreach (var entry in entries)
        {
            writer.WriteEntry(entry);
        }
    }

    private static List<string> Tree(string root)
    {
        var names = new List<string>();
        Walk(root, "", names);
        return names;
    }

    private static void Walk(string directory, string prefix, List<string> names)
    {
        foreach (var entry in Directory.GetFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            var name = prefix + Path.GetFileName(entry);
            names.Add(name);
            if (new FileInfo(entry).LinkTarget is null && Directory.Exists(entry))
            {
                Walk(entry, name + "/", names);
            }
        }
    }
}
