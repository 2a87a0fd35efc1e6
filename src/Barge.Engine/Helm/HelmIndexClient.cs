using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using Barge.Engine.Credentials;
using Barge.Engine.Registry;

namespace Barge.Engine.Helm;

/// <summary>
/// Reads a classic Helm repository's <c>index.yaml</c> over HTTP(S), with basic auth sent to the
/// repository's own origin only (redirects are followed by hand), a size cap and a timeout.
/// Meant to live as long as the process.
/// </summary>
public sealed class HelmIndexClient : IDisposable
{
    private readonly HelmIndexClientOptions _options;
    private readonly RegistryHttpClients _clients = new();
    private long _requests;

    public HelmIndexClient(HelmIndexClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Requests sent so far (each redirect hop counts).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    public async Task<HelmRepositoryIndex> GetIndexAsync(string repoUrl, RepositoryCredentials? credentials, bool insecureSkipTlsVerify, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repoUrl);
        if (!Uri.TryCreate(repoUrl.TrimEnd('/') + "/index.yaml", UriKind.Absolute, out var indexUri)
            || (indexUri.Scheme != Uri.UriSchemeHttp && indexUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new HelmRepositoryException($"Helm repository \"{repoUrl}\": not an http(s) URL");
        }
        var what = $"Helm repository {repoUrl}";
        var client = _clients.For(new RegistryAccess(null, insecureSkipTlsVerify));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        var uri = indexUri;
        try
        {
            for (var hop = 0; hop <= _options.MaxRedirects; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (credentials is not null && SameOrigin(uri, indexUri))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.Username + ":" + credentials.Password)));
                }
                Interlocked.Increment(ref _requests);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized || response.StatusCode == HttpStatusCode.Forbidden)
                {
                    throw new HelmRepositoryException(credentials is null
                        ? $"{what}: authentication required (HTTP {(int)response.StatusCode}) and no credentials were found"
                        : $"{what}: the credentials were rejected (HTTP {(int)response.StatusCode})");
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw new HelmRepositoryException($"{what}: index.yaml answered HTTP {(int)response.StatusCode}");
                }
                byte[] body;
                try
                {
                    body = await RegistryTransport.ReadCappedAsync(response.Content, _options.MaxIndexBytes, what + ": index.yaml", timeout.Token);
                }
                catch (RegistryException e)
                {
                    throw new HelmRepositoryException(e.Message, e);
                }
                return HelmRepositoryIndex.Parse(Encoding.UTF8.GetString(body), uri.GetLeftPart(UriPartial.Path));
            }
            throw new HelmRepositoryException($"{what}: more than {_options.MaxRedirects} redirects (a redirect loop?)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HelmRepositoryException($"{what}: no complete answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
        {
            throw new HelmRepositoryException($"{what}: TLS verification failed (insecureSkipTLSVerify turns it off)", e);
        }
        catch (HttpRequestException e)
        {
            throw new HelmRepositoryException($"{what}: cannot reach {uri.Authority} ({e.Message})", e);
        }
    }

    public void Dispose() => _clients.Dispose();

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme.Equals(b.Scheme, StringComparison.OrdinalIgnoreCase) && a.Host.Equals(b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
