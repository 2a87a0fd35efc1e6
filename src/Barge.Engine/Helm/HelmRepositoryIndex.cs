using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Barge.Engine.Helm;

/// <summary>
/// A classic repository's <c>index.yaml</c>, reduced to what discovery needs: the version strings
/// of every chart, in file order.
/// </summary>
public sealed class HelmRepositoryIndex
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _versions;

    private HelmRepositoryIndex(IReadOnlyDictionary<string, IReadOnlyList<string>> versions) => _versions = versions;

    /// <summary>The chart names in the index.</summary>
    public IEnumerable<string> Charts => _versions.Keys;

    /// <summary>The versions listed for <paramref name="chart"/>; null when the index has no such chart.</summary>
    public IReadOnlyList<string>? VersionsOf(string chart) => _versions.TryGetValue(chart, out var versions) ? versions : null;

    /// <summary>Parses index YAML; an error names <paramref name="source"/> and the line and column.</summary>
    public static HelmRepositoryIndex Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        IndexDocument? document;
        try
        {
            document = Deserializer.Deserialize<IndexDocument?>(yaml);
        }
        catch (YamlException e)
        {
            throw new HelmRepositoryException($"{source}:{e.Start.Line}:{e.Start.Column}: not a Helm repository index ({FirstLine(e)})", e);
        }
        if (document?.Entries is null)
        {
            throw new HelmRepositoryException($"{source}: not a Helm repository index (no \"entries\")");
        }
        var versions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (chart, entries) in document.Entries)
        {
            versions[chart] = entries is null ? [] : [.. entries.Select(e => e?.Version).OfType<string>()];
        }
        return new HelmRepositoryIndex(versions);
    }

    private static string FirstLine(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }

    private sealed class IndexDocument
    {
        public Dictionary<string, List<IndexEntry?>?>? Entries { get; set; }
    }

    private sealed class IndexEntry
    {
        public string? Version { get; set; }
    }
}
