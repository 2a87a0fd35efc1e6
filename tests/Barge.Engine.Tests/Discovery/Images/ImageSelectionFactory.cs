using Barge.Engine.Discovery.Images;

namespace Barge.Engine.Tests.Discovery.Images;

/// <summary>Builds a validated <see cref="ImageSelection"/> the way discovery does, failing the test on a problem.</summary>
internal static class ImageSelectionFactory
{
    public static ImageSelection Create(ImageSubscriptionOptions subscription)
    {
        var problems = ImageDiscoverer.Validate(subscription, out _, out var selection, out _);
        return problems.Count == 0 ? selection! : throw new InvalidOperationException(string.Join("; ", problems));
    }

    public static ImageSelection Create(
        string strategy = ImageSelectionStrategies.SemVer,
        string? constraint = null,
        bool strict = true,
        string[]? allow = null,
        string[]? ignore = null,
        int limit = 20,
        string? platform = null) =>
        Create(new ImageSubscriptionOptions
        {
            RepoURL = "registry.example.com/app",
            ImageSelectionStrategy = strategy,
            Constraint = constraint,
            StrictSemvers = strict,
            AllowTagsRegexes = allow ?? [],
            IgnoreTagsRegexes = ignore ?? [],
            DiscoveryLimit = limit,
            Platform = platform,
        });
}
