namespace Barge.Engine.Git;

/// <summary>Settings of the git runner.</summary>
/// <param name="Executable">The git program; <c>git</c> from PATH by default.</param>
/// <param name="DefaultTimeout">How long a command may run when the caller gives no timeout.</param>
/// <param name="ScratchDirectory">Where the askpass helper is written; a private folder under the temp directory by default.</param>
internal sealed record GitCliOptions(
    string Executable = "git",
    TimeSpan? DefaultTimeout = null,
    string? ScratchDirectory = null)
{
    public TimeSpan EffectiveTimeout => DefaultTimeout ?? TimeSpan.FromMinutes(5);
}
