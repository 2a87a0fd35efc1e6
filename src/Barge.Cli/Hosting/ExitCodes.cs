namespace Barge.Cli.Hosting;

/// <summary>The process exit codes of DESIGN.md's CLI contract.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The operation failed (something missing, a promotion or discovery that failed, an internal error).</summary>
    public const int Failed = 1;

    /// <summary>Bad input or usage; nothing was changed.</summary>
    public const int BadInput = 2;
}
