namespace Barge.Cli.Remote;

/// <summary>What a command does when <c>--server</c> or <c>$BARGE_SERVER</c> selects remote mode.</summary>
internal enum RemoteMode
{
    /// <summary>Not built yet: the command fails naming itself (exit 2).</summary>
    NotYet,

    /// <summary>The command goes through the REST API (<c>RunRemoteAsync</c>).</summary>
    Supported,

    /// <summary>The command touches no store (eval, config, version): it runs here as in embedded mode.</summary>
    RunsLocally,

    /// <summary>The command is about this machine (serve, demo, migrate, token): --server is refused.</summary>
    LocalOnly,
}
