using System.Diagnostics;
using Xunit;

namespace Barge.Storage.Tests.Sqlite;

/// <summary>Starts Barge.Storage.ProcessHost (built next to the tests) as a second process.</summary>
internal sealed class ProcessHostRunner : IDisposable
{
    private readonly Process _process;

    private ProcessHostRunner(Process process) => _process = process;

    public static ProcessHostRunner Start(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Barge.Storage.ProcessHost.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built next to the tests");
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return new ProcessHostRunner(Process.Start(info) ?? throw new InvalidOperationException("could not start the process host"));
    }

    public int Id => _process.Id;

    public Task<string?> ReadLineAsync(CancellationToken cancellationToken) => _process.StandardOutput.ReadLineAsync(cancellationToken).AsTask();

    /// <summary>Waits for a clean exit and returns standard output; fails the test on a non-zero exit.</summary>
    public async Task<string> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var output = _process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = _process.StandardError.ReadToEndAsync(cancel.Token);
        await _process.WaitForExitAsync(cancel.Token);
        Assert.True(_process.ExitCode == 0, $"process host exited with {_process.ExitCode}: {await error}");
        return await output;
    }

    /// <summary>SIGKILL: no finally block, no flush, no rollback in the victim.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk) ? fromSdk : "dotnet";
    }
}
