using Barge.Cli.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Barge.Cli.Tests;

/// <summary>One in-process <c>barge</c> invocation's outcome.</summary>
internal sealed record BargeResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}

/// <summary>
/// Runs the real commands in-process against a home folder of the test's own (a real SQLite store
/// in a temp directory), with a fake clock and no inherited BARGE_* variables.
/// </summary>
internal sealed class BargeRun
{
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public BargeRun(string home)
    {
        Home = home;
        _environment["BARGE_HOME"] = home;
        _environment["HOME"] = home;
    }

    public string Home { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public BargeRun With(string variable, string value)
    {
        _environment[variable] = value;
        return this;
    }

    public async Task<BargeResult> RunAsync(params string[] args) => await RunWithInputAsync([], args);

    public async Task<BargeResult> RunWithInputAsync(string stdin, params string[] args) =>
        await RunWithInputAsync(System.Text.Encoding.UTF8.GetBytes(stdin), args);

    public async Task<BargeResult> RunWithInputAsync(byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BargeApp.RunAsync(args, input, output, error, name => _environment.GetValueOrDefault(name), Time);
        return new BargeResult(code, output.ToString(), error.ToString());
    }
}
