namespace Barge.Engine.Registry;

/// <summary>The parts of an image config blob discovery needs: creation time, platform and labels.</summary>
public sealed record ImageConfig(
    DateTimeOffset? Created,
    string Os,
    string Architecture,
    string Variant,
    IReadOnlyDictionary<string, string> Labels);
