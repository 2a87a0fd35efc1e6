using System.Data.Common;

namespace Barge.Storage.Leasing;

/// <summary>What the stores' lease tables share: the argument checks and reading a list of lease rows.</summary>
internal static class LeaseRows
{
    public const string ListColumns = "name, holder, term, acquired_ms, expires_ms";

    public static void Check(string name, string holder, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        if (duration < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"lease \"{name}\": the duration must be at least 1 ms");
        }
    }

    /// <summary>Reads rows selected as <see cref="ListColumns"/>.</summary>
    public static async Task<IReadOnlyList<Lease>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var leases = new List<Lease>();
        while (await reader.ReadAsync(cancellationToken))
        {
            leases.Add(new Lease(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return leases;
    }
}
