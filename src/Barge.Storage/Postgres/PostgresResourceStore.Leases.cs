using Barge.Storage.Leasing;
using Barge.Storage.Sqlite;
using Npgsql;

namespace Barge.Storage.Postgres;

/// <summary>
/// Leases with SQLite's semantics: read and written inside a write transaction (which holds the
/// store-wide write lock, so two replicas can never both take one), the term growing each time the
/// lease changes hands. Expiry is judged by the store's injected clock, like every other timestamp.
/// </summary>
public sealed partial class PostgresResourceStore
{
    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        LeaseRows.Check(name, holder, duration);
        return WriteAsync(
            async tx =>
            {
                var current = await ReadLeaseAsync(tx, name, cancellationToken);
                var now = tx.Now;
                if (current is not null && current.Holder != holder && current.ExpiresAt > now)
                {
                    return null;
                }
                var lease = current is not null && current.Holder == holder && current.ExpiresAt > now
                    ? current with { ExpiresAt = WriteTransaction.TruncateToMilliseconds(now + duration) }
                    : new Lease(name, holder, (current?.Term ?? 0) + 1, now, WriteTransaction.TruncateToMilliseconds(now + duration));
                await SaveLeaseAsync(tx, lease, cancellationToken);
                return lease;
            },
            cancellationToken);
    }

    public Task<Lease?> RenewLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        LeaseRows.Check(name, holder, duration);
        return WriteAsync(
            async tx =>
            {
                var current = await ReadLeaseAsync(tx, name, cancellationToken);
                if (current is null || current.Holder != holder || current.ExpiresAt <= tx.Now)
                {
                    return null;
                }
                var lease = current with { ExpiresAt = WriteTransaction.TruncateToMilliseconds(tx.Now + duration) };
                await SaveLeaseAsync(tx, lease, cancellationToken);
                return lease;
            },
            cancellationToken);
    }

    // A released lease stays as an expired row, so the next holder's term is still one higher.
    public Task<bool> ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        LeaseRows.Check(name, holder, TimeSpan.FromSeconds(1));
        return WriteAsync(
            async tx =>
            {
                await using var release = new NpgsqlCommand(
                    "UPDATE leases SET expires_ms = @now WHERE name = @name AND holder = @holder AND expires_ms > @now", tx.Connection);
                release.Parameters.AddWithValue("name", name);
                release.Parameters.AddWithValue("holder", holder);
                release.Parameters.AddWithValue("now", tx.Now.ToUnixTimeMilliseconds());
                return await release.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Lease>> ListLeasesAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand(
            $"SELECT {LeaseRows.ListColumns} FROM leases WHERE left(name, @length) = @prefix ORDER BY name", connection);
        select.Parameters.AddWithValue("length", prefix.Length);
        select.Parameters.AddWithValue("prefix", prefix);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await LeaseRows.ReadAllAsync(reader, cancellationToken);
    }


    private static async Task<Lease?> ReadLeaseAsync(PostgresWriteTransaction tx, string name, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand("SELECT holder, term, acquired_ms, expires_ms FROM leases WHERE name = @name", tx.Connection);
        select.Parameters.AddWithValue("name", name);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Lease(name, reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }

    private static async Task SaveLeaseAsync(PostgresWriteTransaction tx, Lease lease, CancellationToken cancellationToken)
    {
        await using var save = new NpgsqlCommand("""
            INSERT INTO leases (name, holder, term, acquired_ms, expires_ms) VALUES (@name, @holder, @term, @acquired, @expires)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, term = excluded.term, acquired_ms = excluded.acquired_ms, expires_ms = excluded.expires_ms
            """, tx.Connection);
        var p = save.Parameters;
        p.AddWithValue("name", lease.Name);
        p.AddWithValue("holder", lease.Holder);
        p.AddWithValue("term", lease.Term);
        p.AddWithValue("acquired", lease.AcquiredAt.ToUnixTimeMilliseconds());
        p.AddWithValue("expires", lease.ExpiresAt.ToUnixTimeMilliseconds());
        await save.ExecuteNonQueryAsync(cancellationToken);
    }
}
