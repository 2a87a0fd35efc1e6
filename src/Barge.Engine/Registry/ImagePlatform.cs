namespace Barge.Engine.Registry;

/// <summary>An operating system, architecture and optional variant (<c>linux/arm64/v8</c>).</summary>
public sealed record ImagePlatform(string Os, string Architecture, string Variant = "")
{
    public override string ToString() => Variant.Length == 0 ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    /// <summary>
    /// Parses <c>os/arch[/variant]</c> as Kargo does: at least two parts, the rest of the text after
    /// the second slash is the variant. Null when the text has fewer than two parts.
    /// </summary>
    public static ImagePlatform? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/', 3);
        if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return null;
        }
        return new ImagePlatform(parts[0], parts[1], parts.Length == 3 ? parts[2] : string.Empty);
    }

    /// <summary>Exact match of all three parts, as Kargo's platform constraint requires.</summary>
    public bool Matches(ImagePlatform other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Os == other.Os && Architecture == other.Architecture && Variant == other.Variant;
    }
}
