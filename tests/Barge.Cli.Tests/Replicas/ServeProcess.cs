using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Barge.Testing;

namespace Barge.Cli.Tests.Replicas;

/// <summary>
/// One <c>barge serve</c> replica as a real process (the built <c>barge.dll</c>) with a home of its own,
/// on a PostgreSQL store; started on a free port (port 0), its address read from its output.
/// <see cref="Kill"/> is SIGKILL: nothing is released, the replica's leases must lapse.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly TempDirectory _home;
    private readonly ConcurrentQueue<string> _log = new();

    private ServeProcess(System.Diagnostics.Process process, TempDirectory home, Uri address, string token)
    {
        _process = process;
        _home = home;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The process's last output lines, for failure messages.</summary>
    public string Log => string.Join('\n', _log.TakeLast(40));

    public static async Task<ServeProcess> StartAsync(string replica, string store, string schema, string token, string leaseTtl, params string[] extra)
    {
        var home = new TempDirectory("replica-" + replica);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "barge.dll"));
        foreach (var argument in (string[])["serve", "--listen", "127.0.0.1:0", "--store", store, "--schema", schema, "--lease-ttl", leaseTtl, "--replica-id", replica, .. extra])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["BARGE_HOME"] = home.Path;
        start.Environment["BARGE_ADMIN_TOKEN"] = token;
        start.Environment.Remove("BARGE_SERVER");
        start.Environment.Remove("BARGE_STORE");
        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("barge serve did not start");
        var log = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                log.Enqueue(line);
                const string prefix = "barge serve: listening on ";
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    listening.TrySetResult(new Uri(line[prefix.Length..]));
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                log.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            home.Dispose();
            throw new InvalidOperationException($"barge serve replica {replica} did not start listening:\n{string.Join('\n', log)}");
        }
        var served = new ServeProcess(process, home, await listening.Task, token);
        foreach (var line in log)
        {
            served._log.Enqueue(line);
        }
        process.OutputDataReceived += (_, e) => served.Record(e.Data);
        process.ErrorDataReceived += (_, e) => served.Record(e.Data);
        return served;
    }

    /// <summary>SIGKILL: the replica dies mid-work, releasing nothing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        Http.Dispose();
        _process.Dispose();
        _home.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
            while (_log.Count > 400 && _log.TryDequeue(out _))
            {
                // Keep the tail only.
            }
        }
    }
}
