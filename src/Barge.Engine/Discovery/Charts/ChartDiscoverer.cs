using Barge.Engine.Credentials;
using Barge.Engine.Helm;
using Barge.Engine.Registry;
using Barge.Resources.Versioning;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Discovery.Charts;

/// <summary>
/// Discovers the versions of one chart subscription, from a classic repository's
/// <c>index.yaml</c> or from an OCI repository's tags. Failures come back as
/// <see cref="ChartDiscoveryResult.Error"/>, never as exceptions, and carry no credential.
/// </summary>
public sealed partial class ChartDiscoverer
{
    private readonly HelmIndexClient _indexClient;
    private readonly RegistryClient _registryClient;
    private readonly ICredentialProvider? _credentials;
    private readonly ILogger _logger;

    public ChartDiscoverer(HelmIndexClient indexClient, RegistryClient registryClient, ICredentialProvider? credentials, ILogger<ChartDiscoverer> logger)
    {
        ArgumentNullException.ThrowIfNull(indexClient);
        ArgumentNullException.ThrowIfNull(registryClient);
        ArgumentNullException.ThrowIfNull(logger);
        _indexClient = indexClient;
        _registryClient = registryClient;
        _credentials = credentials;
        _logger = logger;
    }

    public async Task<ChartDiscoveryResult> DiscoverAsync(ChartSubscriptionOptions subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var problems = Validate(subscription, out var isOci, out var repository, out var constraint);
        var subject = string.IsNullOrEmpty(subscription.Name) ? $"chart subscription \"{subscription.RepoURL}\"" : $"chart subscription \"{subscription.RepoURL}\" (chart \"{subscription.Name}\")";
        if (problems.Count > 0)
        {
            return ChartDiscoveryResult.Failed(subscription, $"{subject}: {string.Join("; ", problems)}");
        }
        try
        {
            var credentials = _credentials is null ? null : await _credentials.GetCredentialsAsync(CredentialType.Helm, subscription.RepoURL, cancellationToken);
            IReadOnlyList<string> versions;
            if (isOci)
            {
                var tags = await _registryClient.ListTagsAsync(repository!, new RegistryAccess(credentials, subscription.InsecureSkipTLSVerify), cancellationToken);
                versions = ChartVersionSelector.FromOciTags(tags, constraint, subscription.DiscoveryLimit);
            }
            else
            {
                var index = await _indexClient.GetIndexAsync(subscription.RepoURL, credentials, subscription.InsecureSkipTLSVerify, cancellationToken);
                var listed = index.VersionsOf(subscription.Name!)
                    ?? throw new HelmRepositoryException($"Helm repository {subscription.RepoURL}: no chart named \"{subscription.Name}\" in index.yaml");
                versions = ChartVersionSelector.FromClassicIndex(listed, constraint, subscription.DiscoveryLimit);
            }
            LogDiscovered(_logger, subscription.RepoURL, versions.Count);
            return new ChartDiscoveryResult(subscription.RepoURL, subscription.Name, subscription.SemverConstraint, versions, null);
        }
        catch (Exception e) when (e is RegistryException or HelmRepositoryException)
        {
            LogFailed(_logger, subscription.RepoURL, e.Message);
            return ChartDiscoveryResult.Failed(subscription, $"{subject}: {e.Message}");
        }
    }

    internal static List<string> Validate(ChartSubscriptionOptions subscription, out bool isOci, out ImageRepository? repository, out SemVerConstraints? constraint)
    {
        var problems = new List<string>();
        repository = null;
        constraint = null;
        var url = subscription.RepoURL ?? string.Empty;
        isOci = url.StartsWith("oci://", StringComparison.OrdinalIgnoreCase);
        if (isOci)
        {
            if (!ImageRepository.TryParse(url, out repository, out var error))
            {
                problems.Add("repoURL: " + error);
            }
            if (!string.IsNullOrEmpty(subscription.Name))
            {
                problems.Add("name: must be empty for an OCI repository (the repoURL names the chart)");
            }
        }
        else
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"repoURL: \"{url}\" is neither an http(s):// nor an oci:// URL");
            }
            if (string.IsNullOrEmpty(subscription.Name))
            {
                problems.Add("name: required for a classic (http/https) chart repository");
            }
        }
        if (!string.IsNullOrEmpty(subscription.SemverConstraint) && !SemVerConstraints.TryParse(subscription.SemverConstraint, out constraint, out var constraintError))
        {
            problems.Add($"semverConstraint: error parsing semver constraint \"{subscription.SemverConstraint}\": {constraintError}");
        }
        if (subscription.DiscoveryLimit is < 1 or > 100)
        {
            problems.Add($"discoveryLimit: {subscription.DiscoveryLimit} is outside 1..100");
        }
        return problems;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "chart subscription {RepoUrl}: discovered {Count} versions")]
    private static partial void LogDiscovered(ILogger logger, string repoUrl, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "chart subscription {RepoUrl}: discovery failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string repoUrl, string reason);
}
