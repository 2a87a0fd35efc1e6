using Barge.Resources.Model;

namespace Barge.Resources.Manifests;

/// <summary>One document read from a manifest source, with where it came from.</summary>
public sealed class ManifestDocument
{
    private readonly SourceMap map;

    internal ManifestDocument(Resource resource, SourceLocation location, SourceMap map)
    {
        Resource = resource;
        Location = location;
        this.map = map;
    }

    /// <summary>The typed resource (validated and defaulted unless the reader was told otherwise).</summary>
    public Resource Resource { get; }

    /// <summary>Where the document starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>Where the value at a field path is (or its nearest present ancestor).</summary>
    public SourceLocation LocationOf(string path) => map.ValueAt(path);

    /// <summary>An error about this document at a field path, e.g. for a rule checked by the caller.</summary>
    public ManifestError Error(string path, string message)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ManifestError(map.ValueAt(path), Resource.Kind, Resource.Metadata.Name, path, message);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Location} ({Resource.Kind} \"{Resource.Metadata.Name}\")";
}
