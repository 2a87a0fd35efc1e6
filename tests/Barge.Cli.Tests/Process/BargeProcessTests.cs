using System.Diagnostics;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Process;

/// <summary>The built <c>barge</c> executable as a user runs it: real process, real exit codes, stderr.</summary>
public sealed class BargeProcessTests : IDisposable
{
    private readonly TempDirectory _home = new("cli");
    private readonly TempDirectory _work = new("cli-work");

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
    }

    [Fact]
    public async Task Executable_ApplyGetAndBadInput_ExitCodesAndStreamsAsDocumented()
    {
        var file = ExamplePipeline.WriteTo(_work.Path);

        var apply = await RunAsync("apply", "-f", file);
        var get = await RunAsync("get", "stages", "-p", "grommet");
        var bad = await RunAsync("apply", "-f", Path.Combine(_work.Path, "missing.yaml"));
        var usage = await RunAsync("frobnicate");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("stage.kargo.akuity.io/dev created", apply.Output, StringComparison.Ordinal);
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.StartsWith("NAME ", get.Output, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("missing.yaml:1:1: no such file or directory", bad.Error, StringComparison.Ordinal);
        Assert.Empty(bad.Output);
        Assert.Equal(2, usage.ExitCode);
        Assert.StartsWith("error: ", usage.Error, StringComparison.Ordinal);
    }

    private async Task<BargeResult> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "barge.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["BARGE_HOME"] = _home.Path;
        start.Environment.Remove("BARGE_SERVER");
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new BargeResult(process.ExitCode, await output, await error);
    }
}
