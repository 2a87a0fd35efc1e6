namespace Barge.Engine.Discovery.Images;

/// <summary>The values of <c>imageSelectionStrategy</c>.</summary>
public static class ImageSelectionStrategies
{
    public const string SemVer = "SemVer";
    public const string Lexical = "Lexical";
    public const string NewestBuild = "NewestBuild";
    public const string Digest = "Digest";
}
