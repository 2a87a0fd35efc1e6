using Barge.Engine.Credentials;
using Barge.Engine.Discovery.Charts;
using Barge.Engine.Discovery.Images;
using Barge.Engine.Git;
using Barge.Engine.Helm;
using Barge.Engine.Registry;
using Barge.Expressions;
using Barge.Resources.Model;
using Microsoft.Extensions.Logging;
using ModelChartResult = Barge.Resources.Model.ChartDiscoveryResult;
using ModelImageReference = Barge.Resources.Model.DiscoveredImageReference;
using ModelImageResult = Barge.Resources.Model.ImageDiscoveryResult;

namespace Barge.Engine.Discovery;

/// <summary>
/// Discovery for a whole Warehouse: every subscription in spec order, git through the shared mirror
/// cache, images through the registry client and its metadata cache, charts through the Helm index
/// client or the registry. The outcome keeps every subscription's result or error; one failing
/// subscription does not stop the others.
/// </summary>
public sealed class WarehouseDiscoverer
{
    private readonly GitSubscriptionDiscoverer _git;
    private readonly RegistryClient _registry;
    private readonly IImageMetadataCache _imageCache;
    private readonly HelmIndexClient _helm;
    private readonly ILoggerFactory _loggers;

    internal WarehouseDiscoverer(GitMirrorCache mirrors, RegistryClient registry, IImageMetadataCache imageCache, HelmIndexClient helm, ILoggerFactory loggers, ExprOptions? expressionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(mirrors);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(imageCache);
        ArgumentNullException.ThrowIfNull(helm);
        ArgumentNullException.ThrowIfNull(loggers);
        _git = new GitSubscriptionDiscoverer(mirrors, expressionOptions ?? ExprOptions.Default);
        _registry = registry;
        _imageCache = imageCache;
        _helm = helm;
        _loggers = loggers;
    }

    /// <param name="spec">The Warehouse's spec.</param>
    /// <param name="previous">The last discovered artifacts, for git's unchanged-refs short-circuit.</param>
    /// <param name="generationUnchanged">Whether the spec is the one <paramref name="previous"/> was discovered with.</param>
    /// <param name="credentials">The Warehouse's project's credentials; null for anonymous access.</param>
    /// <param name="now">The discovery time written as <c>discoveredAt</c>.</param>
    public async Task<WarehouseDiscoveryOutcome> DiscoverAsync(
        WarehouseSpec spec, DiscoveredArtifacts? previous, bool generationUnchanged, ICredentialProvider? credentials, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var git = new List<GitDiscoveryResult>();
        var images = new List<ModelImageResult>();
        var charts = new List<ModelChartResult>();
        var errors = new List<string>();
        var images0 = new ImageDiscoverer(_registry, _imageCache, credentials, _loggers.CreateLogger<ImageDiscoverer>());
        var charts0 = new ChartDiscoverer(_helm, _registry, credentials, _loggers.CreateLogger<ChartDiscoverer>());
        var gitIndex = 0;
        foreach (var (subscription, index) in (spec.Subscriptions ?? []).Select((s, i) => (s, i)))
        {
            var name = string.IsNullOrEmpty(subscription.Name) ? null : subscription.Name;
            if (subscription.Git is { } g)
            {
                var before = previous?.Git is { } list && gitIndex < list.Count && list[gitIndex].RepoURL == g.RepoURL ? list[gitIndex] : null;
                gitIndex++;
                var outcome = await _git.DiscoverAsync(g, name, before, generationUnchanged, credentials, cancellationToken);
                if (outcome.Succeeded)
                {
                    git.Add(outcome.Result!);
                }
                else
                {
                    errors.Add(outcome.Error!);
                }
            }
            else if (subscription.Image is { } image)
            {
                var found = await images0.DiscoverAsync(ToOptions(image), cancellationToken);
                if (found.Succeeded)
                {
                    images.Add(new ModelImageResult
                    {
                        RepoURL = image.RepoURL,
                        Platform = string.IsNullOrEmpty(image.Platform) ? null : image.Platform,
                        SubscriptionName = name,
                        References = [.. found.References.Select(r => new ModelImageReference
                        {
                            Tag = r.Tag,
                            Digest = r.Digest,
                            Annotations = r.Annotations.Count == 0 ? null : new Dictionary<string, string>(r.Annotations, StringComparer.Ordinal),
                            CreatedAt = r.CreatedAt,
                        })],
                    });
                }
                else
                {
                    errors.Add(found.Error!);
                }
            }
            else if (subscription.Chart is { } chart)
            {
                var found = await charts0.DiscoverAsync(new ChartSubscriptionOptions
                {
                    RepoURL = chart.RepoURL ?? "",
                    Name = chart.Name,
                    SemverConstraint = chart.SemverConstraint,
                    DiscoveryLimit = chart.DiscoveryLimit ?? 20,
                    InsecureSkipTLSVerify = chart.InsecureSkipTLSVerify,
                }, cancellationToken);
                if (found.Succeeded)
                {
                    charts.Add(new ModelChartResult
                    {
                        RepoURL = chart.RepoURL,
                        Name = string.IsNullOrEmpty(chart.Name) ? null : chart.Name,
                        SemverConstraint = string.IsNullOrEmpty(chart.SemverConstraint) ? null : chart.SemverConstraint,
                        Versions = [.. found.Versions],
                        SubscriptionName = name,
                    });
                }
                else
                {
                    errors.Add(found.Error!);
                }
            }
            else
            {
                var type = subscription.Custom?.Keys.FirstOrDefault() ?? "(none)";
                errors.Add($"subscriptions[{index}]: subscription type \"{type}\" is not supported by Barge (only git, image and chart are)");
            }
        }
        var artifacts = new DiscoveredArtifacts
        {
            DiscoveredAt = now,
            Git = git.Count == 0 ? null : git,
            Images = images.Count == 0 ? null : images,
            Charts = charts.Count == 0 ? null : charts,
        };
        return new WarehouseDiscoveryOutcome(artifacts, errors);
    }

    private static ImageSubscriptionOptions ToOptions(ImageSubscription image) => new()
    {
        RepoURL = image.RepoURL ?? "",
        ImageSelectionStrategy = image.ImageSelectionStrategy switch
        {
            ImageSelectionStrategy.Lexical => ImageSelectionStrategies.Lexical,
            ImageSelectionStrategy.NewestBuild => ImageSelectionStrategies.NewestBuild,
            ImageSelectionStrategy.Digest => ImageSelectionStrategies.Digest,
            _ => ImageSelectionStrategies.SemVer,
        },
        Constraint = image.Constraint,
        AllowTagsRegexes = image.AllowTagsRegexes ?? [],
        IgnoreTagsRegexes = image.IgnoreTagsRegexes ?? [],
        AllowTags = image.AllowTags,
        IgnoreTags = image.IgnoreTags ?? [],
        StrictSemvers = image.StrictSemvers ?? true,
        Platform = image.Platform,
        DiscoveryLimit = image.DiscoveryLimit ?? 20,
        CacheByTag = image.CacheByTag,
        InsecureSkipTLSVerify = image.InsecureSkipTLSVerify,
    };
}
