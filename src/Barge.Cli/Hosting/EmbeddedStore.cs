using Barge.Storage;
using Barge.Storage.Sqlite;

namespace Barge.Cli.Hosting;

/// <summary>Opens the embedded store in <c>$BARGE_HOME/barge.db</c>.</summary>
internal static class EmbeddedStore
{
    /// <summary>Opens the store for writing, creating <c>$BARGE_HOME</c> and the file when absent.</summary>
    public static async Task<IResourceStore> OpenForWriteAsync(CliContext cli, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cli);
        cli.Home.EnsureExists();
        return await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(cli.Home.DatabasePath), cli.Time, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Opens the store for reading; null when there is none yet (nothing was ever applied), so a read
    /// of a fresh home shows nothing instead of creating files.
    /// </summary>
    public static async Task<IResourceStore?> OpenForReadAsync(CliContext cli, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cli);
        if (!File.Exists(cli.Home.DatabasePath))
        {
            return null;
        }
        return await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(cli.Home.DatabasePath), cli.Time, cancellationToken: cancellationToken);
    }
}
