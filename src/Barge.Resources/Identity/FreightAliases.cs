using System.Globalization;
using Barge.Resources.Model;

namespace Barge.Resources.Identity;

/// <summary>
/// Human-friendly Freight aliases, <c>&lt;adjective&gt;-&lt;animal&gt;</c> (e.g. <c>nimble-otter</c>), from
/// Barge's own word lists, and the rule that keeps label <c>kargo.akuity.io/alias</c> equal to the
/// alias field.
/// </summary>
public sealed class FreightAliases
{
    /// <summary>Random pairs tried before a numeric suffix is added, so generation always ends.</summary>
    private const int PlainAttempts = 64;

    private static readonly Lazy<string[]> LazyAdjectives = new(() => Load("adjectives"));
    private static readonly Lazy<string[]> LazyAnimals = new(() => Load("animals"));

    private readonly Random random;

    /// <param name="random">The randomness source (tests pass a seeded one).</param>
    public FreightAliases(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        this.random = random;
    }

    /// <summary>The adjectives aliases start with.</summary>
    public static IReadOnlyList<string> Adjectives => LazyAdjectives.Value;

    /// <summary>The animals aliases end with.</summary>
    public static IReadOnlyList<string> Animals => LazyAnimals.Value;

    /// <summary>A new alias for which <paramref name="isTaken"/> (aliases in use in the project) is false.</summary>
    public string Generate(Func<string, bool> isTaken)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        for (var attempt = 0; ; attempt++)
        {
            var candidate = Candidate(attempt);
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>As <see cref="Generate"/>, with a predicate that asks a store.</summary>
    public async ValueTask<string> GenerateAsync(Func<string, CancellationToken, ValueTask<bool>> isTaken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = Candidate(attempt);
            if (!await isTaken(candidate, cancellationToken))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// The Freight with label <c>kargo.akuity.io/alias</c> set to its alias, or the label removed when
    /// it has none (Kargo's defaulting webhook on create and update).
    /// </summary>
    public static Freight SyncLabel(Freight freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var labels = new Dictionary<string, string>(freight.Metadata.Labels ?? [], StringComparer.Ordinal);
        if (string.IsNullOrEmpty(freight.Alias))
        {
            if (!labels.Remove(KargoApi.AliasLabel))
            {
                return freight;
            }
        }
        else
        {
            if (labels.TryGetValue(KargoApi.AliasLabel, out var current) && current == freight.Alias)
            {
                return freight;
            }
            labels[KargoApi.AliasLabel] = freight.Alias;
        }
        return freight with { Metadata = freight.Metadata with { Labels = labels.Count == 0 ? null : labels } };
    }

    /// <summary>The Freight with <paramref name="alias"/> set and the label synced.</summary>
    public static Freight WithAlias(Freight freight, string? alias)
    {
        ArgumentNullException.ThrowIfNull(freight);
        return SyncLabel(freight with { Alias = alias });
    }

    private string Candidate(int attempt)
    {
        var pair = Adjectives[random.Next(Adjectives.Count)] + "-" + Animals[random.Next(Animals.Count)];
        return attempt < PlainAttempts
            ? pair
            : pair + "-" + (attempt - PlainAttempts + 2).ToString(CultureInfo.InvariantCulture);
    }

    private static string[] Load(string list)
    {
        using var stream = typeof(FreightAliases).Assembly.GetManifestResourceStream($"Barge.Resources.Identity.{list}.txt")
            ?? throw new InvalidOperationException($"embedded word list {list}.txt is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
