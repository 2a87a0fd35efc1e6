using Barge.Storage.Leasing;
using Microsoft.Data.Sqlite;

namespace Barge.Storage.Sqlite;

public sealed partial class SqliteResourceStore
{
    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        LeaseRows.Check(name, holder, duration);
        return WriteAsync(
            tx =>
            {
                var current = ReadLease(tx, name);
                var now = tx.Now;
                if (current is not null && current.Holder != holder && current.ExpiresAt > now)
                {
                    return null;
                }
                var lease = current is not null && current.Holder == holder && current.ExpiresAt > now
                    ? current with { ExpiresAt = WriteTransaction.TruncateToMilliseconds(now + duration) }
                    : new Lease(name, holder, (current?.Term ?? 0) + 1, now, WriteTransaction.TruncateToMilliseconds(now + duration));
                SaveLease(tx, lease);
                return lease;
            },
            cancellationToken);
    }

    public Task<Lease?> RenewLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        LeaseRows.Check(name, holder, duration);
        return WriteAsync(
            tx =>
            {
                var current = ReadLease(tx, name);
                if (current is null || current.Holder != holder || current.ExpiresAt <= tx.Now)
                {
                    return null;
                }
                var lease = current with { ExpiresAt = WriteTransaction.TruncateToMilliseconds(tx.Now + duration) };
                SaveLease(tx, lease);
                return lease;
            },
            cancellationToken);
    }

    // A released lease stays as an expired row, so the next holder's term is still one higher.
    public Task<bool> ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        LeaseRows.Check(name, holder, TimeSpan.FromSeconds(1));
        return WriteAsync(
            tx =>
            {
                var release = tx.Command("releaseLease", "UPDATE leases SET expires_ms = $now WHERE name = $name AND holder = $holder AND expires_ms > $now");
                release.Parameters["$name"].Value = name;
                release.Parameters["$holder"].Value = holder;
                release.Parameters["$now"].Value = tx.Now.ToUnixTimeMilliseconds();
                return release.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Lease>> ListLeasesAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {LeaseRows.ListColumns} FROM leases WHERE substr(name, 1, $length) = $prefix ORDER BY name";
        select.Parameters.AddWithValue("$length", prefix.Length);
        select.Parameters.AddWithValue("$prefix", prefix);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await LeaseRows.ReadAllAsync(reader, cancellationToken);
    }


    private static Lease? ReadLease(WriteTransaction tx, string name)
    {
        var select = tx.Command("readLease", "SELECT holder, term, acquired_ms, expires_ms FROM leases WHERE name = $name");
        select.Parameters["$name"].Value = name;
        using SqliteDataReader reader = select.ExecuteReader();
        return reader.Read()
            ? new Lease(name, reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }

    private static void SaveLease(WriteTransaction tx, Lease lease)
    {
        var save = tx.Command("saveLease", """
            INSERT INTO leases (name, holder, term, acquired_ms, expires_ms) VALUES ($name, $holder, $term, $acquired, $expires)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, term = excluded.term, acquired_ms = excluded.acquired_ms, expires_ms = excluded.expires_ms
            """);
        var p = save.Parameters;
        p["$name"].Value = lease.Name;
        p["$holder"].Value = lease.Holder;
        p["$term"].Value = lease.Term;
        p["$acquired"].Value = lease.AcquiredAt.ToUnixTimeMilliseconds();
        p["$expires"].Value = lease.ExpiresAt.ToUnixTimeMilliseconds();
        save.ExecuteNonQuery();
    }
}
