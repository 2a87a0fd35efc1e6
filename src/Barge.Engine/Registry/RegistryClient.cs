using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Registry;

/// <summary>
/// A client of the OCI Distribution API v2: tag listing with <c>Link</c> pagination, manifests and
/// indexes by tag or digest, and image config blobs. One instance is meant to live as long as the
/// process: it holds the connection pools, the per-registry concurrency limits, the learned
/// authentication challenges and the token cache. See <see cref="RegistryTransport"/> for auth,
/// retries, redirects and limits.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private readonly RegistryClientOptions _options;
    private readonly RegistryTransport _transport;

    public RegistryClient(RegistryClientOptions options, TimeProvider time, ILogger<RegistryClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _transport = new RegistryTransport(options, time, logger);
    }

    /// <summary>Requests sent so far, by purpose.</summary>
    public RegistryRequestCounters Counters => _transport.Counters;

    /// <summary>Every tag of the repository, in the registry's order, following <c>Link</c> headers page by page.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(ImageRepository repository, RegistryAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(access);
        var what = $"tag list of {repository}";
        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Uri? next = new(repository.BaseUri, $"/v2/{repository.Path}/tags/list?n={_options.TagPageSize}");
        for (var page = 0; next is not null; page++)
        {
            if (page >= _options.MaxTagPages || !seen.Add(next.AbsoluteUri))
            {
                throw new RegistryException($"{what}: the registry's Link pagination does not end (page {page + 1}, {next.PathAndQuery})");
            }
            var request = new RegistryRequest(HttpMethod.Get, next, repository, access, RegistryRequestKind.TagList, what, _options.MaxTagListBytes);
            var response = await _transport.SendAsync(request, cancellationToken);
            if (!response.IsSuccess)
            {
                throw RegistryTransport.Failure(request, response);
            }
            tags.AddRange(ParseTagPage(response.Body, what));
            next = NextPage(response, repository, what);
        }
        return tags;
    }

    /// <summary>The digest a tag (or digest) points at, by a HEAD request; null when the registry has no such manifest.</summary>
    public async Task<string?> ResolveDigestAsync(ImageRepository repository, string reference, RegistryAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentNullException.ThrowIfNull(access);
        var request = ManifestRequest(HttpMethod.Head, repository, reference, access, RegistryRequestKind.ManifestHead);
        var response = await _transport.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccess)
        {
            throw RegistryTransport.Failure(request, response);
        }
        if (ContentDigest.IsValid(response.DockerContentDigest))
        {
            return response.DockerContentDigest;
        }
        // Registries need not send Docker-Content-Digest; the manifest's own bytes then tell.
        return (await GetManifestAsync(repository, reference, access, cancellationToken))?.Digest;
    }

    /// <summary>The manifest or index at a tag or digest, its digest verified; null when the registry has none.</summary>
    public async Task<OciManifest?> GetManifestAsync(ImageRepository repository, string reference, RegistryAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentNullException.ThrowIfNull(access);
        var request = ManifestRequest(HttpMethod.Get, repository, reference, access, RegistryRequestKind.ManifestGet);
        var response = await _transport.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccess)
        {
            throw RegistryTransport.Failure(request, response);
        }
        var digest = ContentDigest.Sha256(response.Body);
        var expected = IsDigest(reference) ? reference : response.DockerContentDigest;
        if (ContentDigest.IsValid(expected) && !ContentDigest.Matches(expected!, response.Body))
        {
            throw new RegistryException($"{request.What}: the manifest does not match its digest {expected}");
        }
        if (IsDigest(reference))
        {
            digest = reference;
        }
        return ManifestParser.ParseManifest(response.Body, response.ContentType, digest, request.What);
    }

    /// <summary>An image config blob, its digest verified.</summary>
    public async Task<ImageConfig> GetConfigAsync(ImageRepository repository, string digest, RegistryAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(access);
        if (!ContentDigest.IsValid(digest))
        {
            throw new RegistryException($"config of {repository}: invalid digest \"{digest}\"");
        }
        var what = $"config blob {digest} of {repository}";
        var request = new RegistryRequest(HttpMethod.Get, new Uri(repository.BaseUri, $"/v2/{repository.Path}/blobs/{digest}"), repository, access, RegistryRequestKind.BlobGet, what, _options.MaxConfigBytes);
        var response = await _transport.SendAsync(request, cancellationToken);
        if (!response.IsSuccess)
        {
            throw RegistryTransport.Failure(request, response);
        }
        if (!ContentDigest.Matches(digest, response.Body))
        {
            throw new RegistryException($"{what}: the blob does not match its digest");
        }
        return ManifestParser.ParseConfig(response.Body, what);
    }

    public void Dispose() => _transport.Dispose();

    internal static bool IsDigest(string reference) => reference.Contains(':', StringComparison.Ordinal);

    private RegistryRequest ManifestRequest(HttpMethod method, ImageRepository repository, string reference, RegistryAccess access, RegistryRequestKind kind)
    {
        if (!IsDigest(reference) && !TagPattern().IsMatch(reference))
        {
            throw new RegistryException($"manifest of {repository}: \"{reference}\" is not a valid tag");
        }
        var what = $"manifest {repository}{(IsDigest(reference) ? "@" : ":")}{reference}";
        var uri = new Uri(repository.BaseUri, $"/v2/{repository.Path}/manifests/{reference}");
        return new RegistryRequest(method, uri, repository, access, kind, what, _options.MaxManifestBytes, ManifestMediaTypes.All);
    }

    private static List<string> ParseTagPage(byte[] body, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RegistryException($"{what}: the registry's answer is not a JSON object");
            }
            var tags = new List<string>();
            if (!root.TryGetProperty("tags", out var array) || array.ValueKind == JsonValueKind.Null)
            {
                return tags;
            }
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new RegistryException($"{what}: \"tags\" is not an array");
            }
            foreach (var tag in array.EnumerateArray())
            {
                if (tag.ValueKind != JsonValueKind.String || !TagPattern().IsMatch(tag.GetString()!))
                {
                    throw new RegistryException($"{what}: the registry listed an invalid tag ({tag.GetRawText()})");
                }
                tags.Add(tag.GetString()!);
            }
            return tags;
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{what}: the registry's answer is not valid JSON ({e.Message})", e);
        }
    }

    private static Uri? NextPage(RegistryResponse response, ImageRepository repository, string what)
    {
        if (string.IsNullOrEmpty(response.Link))
        {
            return null;
        }
        var match = LinkNextPattern().Match(response.Link);
        if (!match.Success)
        {
            return null;
        }
        if (!Uri.TryCreate(response.Uri, match.Groups["url"].Value, out var next))
        {
            throw new RegistryException($"{what}: the Link header's next page is not a URL");
        }
        if (!next.Scheme.Equals(repository.BaseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            || !next.Authority.Equals(repository.BaseUri.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new RegistryException($"{what}: the Link header points the next page at another host ({next.Authority}); it is not followed");
        }
        return next;
    }

    // The Distribution API's tag grammar.
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"<(?<url>[^>]+)>\s*;\s*rel=""?next""?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkNextPattern();
}
