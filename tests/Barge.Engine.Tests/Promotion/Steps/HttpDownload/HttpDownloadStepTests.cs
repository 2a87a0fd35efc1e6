using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.HttpDownload;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HttpDownloadStepTests : IAsyncDisposable
{
    private readonly TempDirectory temp = new("http-download");
    private HttpReply reply = new(200, "chart-bytes", "application/octet-stream");
    private readonly LocalHttpServer server;

    public HttpDownloadStepTests()
    {
        server = new LocalHttpServer(_ => reply);
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "keep.txt"), "keep");
    }

    private string Work => temp.Combine("work");

    private string Outside => temp.Combine("outside");

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        StepRun.RemoveLinks(temp.Path);
        temp.Dispose();
    }

    private Task<StepResult> Run(string config) => StepRun.RunAsync("http-download", Work, config.Replace("URL", server.At("files/chart.tgz"), StringComparison.Ordinal));

    [Theory]
    [InlineData("no url", """{"outPath":"a"}""", "invalid http-download config: (root): url is required")]
    [InlineData("no outPath", """{"url":"URL"}""", "invalid http-download config: (root): outPath is required")]
    [InlineData("bad timeout", """{"url":"URL","outPath":"a","timeout":"soon"}""", "invalid http-download config: timeout: Does not match pattern '(?:\\d+(ns|us|µs|ms|s|m|h))+'")]
    [InlineData("unknown key", """{"url":"URL","outPath":"a","method":"POST"}""", "invalid http-download config: (root): Additional property method is not allowed")]
    public async Task RunAsync_InvalidConfig_FailsTerminally(string scenario, string config, string message)
    {
        Assert.NotNull(scenario);
        var result = await Run(config);

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public async Task RunAsync_Download_WritesFileWithHeadersAndQuery()
    {
        var result = await Run("""{"url":"URL","outPath":"charts/new/chart.tgz","headers":[{"name":"Authorization","value":"Bearer s3cr3t"}],"queryParams":[{"name":"v","value":"1"}]}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Null(result.Output);
        var path = Path.Combine(Work, "charts", "new", "chart.tgz");
        Assert.Equal("chart-bytes", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/files/chart.tgz?v=1", request.Target);
        Assert.Equal("Bearer s3cr3t", request.Headers["authorization"]);
        Assert.Equal(["chart.tgz"], Directory.EnumerateFileSystemEntries(Path.Combine(Work, "charts", "new")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunAsync_ExistingFileWithoutOverwrite_ErrorsTerminally()
    {
        File.WriteAllText(Path.Combine(Work, "a.bin"), "old");

        var result = await Run("""{"url":"URL","outPath":"a.bin"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal("file already exists at a.bin and overwrite is not allowed", result.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RunAsync_AllowOverwrite_ReplacesFile()
    {
        File.WriteAllText(Path.Combine(Work, "a.bin"), "old and longer");

        var result = await Run("""{"url":"URL","outPath":"a.bin","allowOverwrite":true}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("chart-bytes", File.ReadAllText(Path.Combine(Work, "a.bin")));
    }

    [Fact]
    public async Task RunAsync_OverwriteLinkToOutside_ReplacesLinkNotTarget()
    {
        File.CreateSymbolicLink(Path.Combine(Work, "a.bin"), Path.Combine(Outside, "keep.txt"));
        File.CreateSymbolicLink(Path.Combine(Work, "out"), Outside);

        var viaLink = await Run("""{"url":"URL","outPath":"a.bin","allowOverwrite":true}""");
        var viaDirectory = await Run("""{"url":"URL","outPath":"out/keep.txt","allowOverwrite":true}""");
        var climbing = await Run("""{"url":"URL","outPath":"../outside/keep.txt","allowOverwrite":true}""");

        Assert.Equal(StepStatus.Succeeded, viaLink.Status);
        Assert.Equal(StepStatus.Succeeded, viaDirectory.Status);
        Assert.Equal(StepStatus.Succeeded, climbing.Status);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(Outside, "keep.txt")));
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(Outside).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunAsync_NotFound_FailsRetryably()
    {
        reply = new HttpReply(404, "missing");

        var result = await Run("""{"url":"URL","outPath":"a.bin"}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.False(result.Terminal);
        Assert.Equal("HTTP request failed with status 404", result.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Work));
    }

    [Fact]
    public async Task RunAsync_DeclaredSizeOverLimit_FailsTerminally()
    {
        reply = new HttpReply(200, "x", DeclaredLength: 100L * 1024 * 1024 + 1);

        var result = await Run("""{"url":"URL","outPath":"a.bin"}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal("download exceeds limit of 104857600 bytes", result.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Work));
    }

    [Fact]
    public async Task RunAsync_UndeclaredSizeOverLimit_ErrorsAndLeavesNothing()
    {
        reply = new HttpReply(200, "", DeclaredLength: -1, RepeatBodyBytes: 100L * 1024 * 1024 + 1);

        var result = await Run("""{"url":"URL","outPath":"a.bin"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Equal("download exceeds limit of 104857600 bytes", result.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Work));
    }

    [Fact]
    public async Task RunAsync_SlowServer_TimesOut()
    {
        reply = reply with { Delay = TimeSpan.FromSeconds(5) };

        var result = await Run("""{"url":"URL","outPath":"a.bin","timeout":"200ms"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("error sending HTTP request: ", result.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Work));
    }

    [Fact]
    public async Task RunAsync_IntoGitMetadata_Fails()
    {
        Directory.CreateDirectory(Path.Combine(Work, "repo", ".git"));

        var result = await Run("""{"url":"URL","outPath":"repo/.git/hooks/pre-commit"}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RunAsync_LinkLocal_IsRefused()
    {
        var result = await StepRun.RunAsync("http-download", Work, """{"url":"http://169.254.169.254/","outPath":"a","timeout":"2s"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Contains("link-local addresses are not allowed", result.Message, StringComparison.Ordinal);
    }
}
