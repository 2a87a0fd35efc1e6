using Barge.Cli.Configuration;

namespace Barge.Cli.Hosting;

/// <summary>
/// What a command may touch of the outside world: its streams, its environment variables and the
/// clock. Tests run the real commands in-process by handing in their own.
/// </summary>
internal sealed class CliContext
{
    private readonly Func<string, string?> _environment;

    public CliContext(Stream input, TextWriter output, TextWriter error, Func<string, string?> environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        Input = input;
        Output = output;
        Error = error;
        _environment = environment;
        Time = time;
        Home = BargeHome.From(environment);
    }

    /// <summary>Standard input as bytes (manifests are read as UTF-8 with their own checks).</summary>
    public Stream Input { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public TimeProvider Time { get; }

    public BargeHome Home { get; }

    public string? GetEnvironmentVariable(string name)
    {
        var value = _environment(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Writes <c>error: message</c> to stderr and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine("error: " + message);
        return exitCode;
    }
}
