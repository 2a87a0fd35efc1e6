namespace Barge.Engine.Git;

/// <summary>How to run one git command.</summary>
/// <param name="WorkingDirectory">The process's directory; null for the current one.</param>
/// <param name="Timeout">Kill the process tree after this long; null for <see cref="GitCliOptions.DefaultTimeout"/>.</param>
/// <param name="Credentials">Handed to git through an askpass program and the child's environment, never on the command line.</param>
internal sealed record GitRunOptions(
    string? WorkingDirectory = null,
    TimeSpan? Timeout = null,
    GitCredentials? Credentials = null);
