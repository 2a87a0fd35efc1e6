namespace Barge.Engine.Git;

/// <summary>
/// What one git process did. <see cref="StandardError"/> and <see cref="CommandLine"/> are already
/// redacted (no userinfo of any URL), so both may be logged or shown.
/// </summary>
internal sealed record GitProcessResult(
    string CommandLine,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed,
    bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>A one-line description of a failure, for an error message: the command and git's own words.</summary>
    public string Describe()
    {
        if (TimedOut)
        {
            return $"{CommandLine} timed out after {Elapsed.TotalSeconds:0.#} s";
        }
        var detail = StandardError.Trim();
        if (detail.Length > 2000)
        {
            detail = detail[..2000] + "…";
        }
        return detail.Length == 0
            ? $"{CommandLine} exited with code {ExitCode}"
            : $"{CommandLine} exited with code {ExitCode}: {detail}";
    }
}
