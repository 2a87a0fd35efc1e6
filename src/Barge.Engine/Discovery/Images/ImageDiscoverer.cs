using System.Collections.Frozen;
using Barge.Engine.Credentials;
using Barge.Engine.Registry;
using Barge.Resources.Versioning;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Discovery.Images;

/// <summary>
/// Discovers the images of one image subscription: validates it (every problem at once), looks up
/// credentials, and runs the selector of its strategy against the registry. Failures of the
/// registry come back as <see cref="ImageDiscoveryResult.Error"/>, never as exceptions, and their
/// messages carry no credential.
/// </summary>
public sealed partial class ImageDiscoverer
{
    private static readonly FrozenDictionary<string, IImageSelector> Selectors = BuiltinSelectors()
        .ToFrozenDictionary(s => s.Strategy, StringComparer.Ordinal);

    private readonly RegistryClient _client;
    private readonly ImageMetadataReader _reader;
    private readonly ICredentialProvider? _credentials;
    private readonly ILogger _logger;

    public ImageDiscoverer(RegistryClient client, IImageMetadataCache cache, ICredentialProvider? credentials, ILogger<ImageDiscoverer> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _reader = new ImageMetadataReader(client, cache);
        _credentials = credentials;
        _logger = logger;
    }

    public async Task<ImageDiscoveryResult> DiscoverAsync(ImageSubscriptionOptions subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var problems = Validate(subscription, out var repository, out var selection, out var selector);
        if (problems.Count > 0)
        {
            return ImageDiscoveryResult.Failed(subscription, $"image subscription \"{subscription.RepoURL}\": {string.Join("; ", problems)}");
        }
        try
        {
            var credentials = _credentials is null ? null : await _credentials.GetCredentialsAsync(CredentialType.Image, subscription.RepoURL, cancellationToken);
            var access = new RegistryAccess(credentials, subscription.InsecureSkipTLSVerify);
            var source = new RegistryImageSource(_client, _reader, repository!, access);
            var references = await selector!.SelectAsync(selection!, source, cancellationToken);
            LogDiscovered(_logger, subscription.RepoURL, selector.Strategy, references.Count);
            return new ImageDiscoveryResult(subscription.RepoURL, subscription.Platform, references, null);
        }
        catch (RegistryException e)
        {
            LogFailed(_logger, subscription.RepoURL, e.Message);
            return ImageDiscoveryResult.Failed(subscription, $"image subscription \"{subscription.RepoURL}\": {e.Message}");
        }
    }

    /// <summary>Every problem of the subscription, as Kargo's validation and selectors would report them.</summary>
    internal static List<string> Validate(
        ImageSubscriptionOptions subscription,
        out ImageRepository? repository,
        out ImageSelection? selection,
        out IImageSelector? selector)
    {
        var problems = new List<string>();
        selection = null;
        if (!ImageRepository.TryParse(subscription.RepoURL ?? string.Empty, out repository, out var repoError))
        {
            problems.Add("repoURL: " + repoError);
        }
        var strategy = string.IsNullOrEmpty(subscription.ImageSelectionStrategy) ? ImageSelectionStrategies.SemVer : subscription.ImageSelectionStrategy;
        if (!Selectors.TryGetValue(strategy, out selector))
        {
            problems.Add($"imageSelectionStrategy: unknown strategy \"{strategy}\" (one of {string.Join(", ", Selectors.Keys.Order(StringComparer.Ordinal))})");
        }
        if (!string.IsNullOrEmpty(subscription.AllowTags))
        {
            problems.Add("AllowTags is deprecated and unsupported as of v1.11.0; use AllowTagsRegexes instead");
        }
        if (subscription.IgnoreTags.Count > 0)
        {
            problems.Add("IgnoreTags is deprecated and unsupported as of v1.11.0; use IgnoreTagsRegexes instead");
        }
        SemVerConstraints? constraint = null;
        if (strategy == ImageSelectionStrategies.SemVer && !string.IsNullOrEmpty(subscription.Constraint)
            && !SemVerConstraints.TryParse(subscription.Constraint, out constraint, out var constraintError))
        {
            problems.Add($"constraint: error parsing semver constraint \"{subscription.Constraint}\": {constraintError}");
        }
        if (strategy == ImageSelectionStrategies.Digest && string.IsNullOrEmpty(subscription.Constraint))
        {
            problems.Add("constraint: required for the Digest strategy (it names the mutable tag to track)");
        }
        ImagePlatform? platform = null;
        if (!string.IsNullOrEmpty(subscription.Platform) && (platform = ImagePlatform.Parse(subscription.Platform)) is null)
        {
            problems.Add($"platform: error parsing platform constraint \"{subscription.Platform}\" (expected os/arch[/variant])");
        }
        if (subscription.DiscoveryLimit is < 1 or > 100)
        {
            problems.Add($"discoveryLimit: {subscription.DiscoveryLimit} is outside 1..100");
        }
        if (TagFilter.TryCreate(subscription.AllowTagsRegexes, subscription.IgnoreTagsRegexes, problems, out var filter) && problems.Count == 0)
        {
            selection = new ImageSelection(
                filter,
                constraint,
                subscription.StrictSemvers,
                platform,
                subscription.DiscoveryLimit,
                subscription.CacheByTag && strategy != ImageSelectionStrategies.Digest,
                strategy == ImageSelectionStrategies.Digest ? subscription.Constraint : null);
        }
        return problems;
    }

    private static IEnumerable<IImageSelector> BuiltinSelectors() =>
    [
        new SemVerImageSelector(),
        new LexicalImageSelector(),
        new NewestBuildImageSelector(),
        new DigestImageSelector(),
    ];

    [LoggerMessage(Level = LogLevel.Debug, Message = "image subscription {RepoUrl}: {Strategy} discovered {Count} references")]
    private static partial void LogDiscovered(ILogger logger, string repoUrl, string strategy, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "image subscription {RepoUrl}: discovery failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string repoUrl, string reason);
}
