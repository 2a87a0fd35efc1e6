using Barge.Cli.Hosting;
using Barge.Resources.Model;

namespace Barge.Cli.Promote;

/// <summary>
/// The lines <c>barge promote</c> prints, in embedded and remote mode alike (the parity tests compare them byte for
/// byte): a step's status change, a repository's dry-run diff and the final phase.
/// </summary>
internal static class PromoteOutput
{
    public static string StepLine(int index, int count, string alias, string uses, string status, string? message)
    {
        var line = $"[{index + 1}/{count}] {alias} ({uses}): {status}";
        return message is { Length: > 0 } ? line + ": " + message : line;
    }

    public static void WriteDiff(TextWriter output, string? repoURL, string? path, string baseCommit, string diff)
    {
        output.WriteLine($"--- {repoURL} ({path}) from {(baseCommit.Length > 7 ? baseCommit[..7] : baseCommit)}");
        output.Write(diff.Length == 0 ? "(no changes)\n" : diff);
    }

    /// <summary>Prints <c>what: phase[: message]</c>; exit 0 only for Succeeded.</summary>
    public static int Finish(TextWriter output, string what, PromotionPhase phase, string? message)
    {
        output.WriteLine(message is { Length: > 0 } ? $"{what}: {phase}: {message}" : $"{what}: {phase}");
        return phase == PromotionPhase.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }
}
