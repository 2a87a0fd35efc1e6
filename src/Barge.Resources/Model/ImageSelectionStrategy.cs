using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>How an image subscription selects tags.</summary>
[JsonConverter(typeof(KargoEnumConverter<ImageSelectionStrategy>))]
public enum ImageSelectionStrategy
{
    /// <summary>The tag with the highest semantic version.</summary>
    SemVer,

    /// <summary>The lexically greatest tag.</summary>
    Lexical,

    /// <summary>The most recently built image.</summary>
    NewestBuild,

    /// <summary>The current digest of one mutable tag.</summary>
    Digest,
}
