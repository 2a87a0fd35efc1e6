using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Barge.Engine.Registry;

/// <summary>
/// The <c>WWW-Authenticate</c> flow of the Distribution API: remembers each registry host's
/// challenge so later requests are authorised up front, answers Basic challenges with the
/// credentials, and Bearer challenges with a token from the realm (asked with the credentials,
/// scoped to pulling the repository) kept in <see cref="RegistryTokenCache"/>.
/// </summary>
internal sealed class RegistryAuthenticator(
    RegistryClientOptions options,
    RegistryTokenCache tokens,
    RegistryRequestCounters counters,
    RegistryHttpClients clients)
{
    private const long MaxTokenBytes = 1024 * 1024;

    private readonly ConcurrentDictionary<string, AuthChallenge> _challenges = new(StringComparer.Ordinal);
    private readonly RegistryClientOptions _options = options;
    private readonly RegistryTokenCache _tokens = tokens;
    private readonly RegistryRequestCounters _counters = counters;
    private readonly RegistryHttpClients _clients = clients;

    public AuthChallenge? KnownChallenge(string host) => _challenges.TryGetValue(host, out var challenge) ? challenge : null;

    public void Learn(string host, AuthChallenge challenge) => _challenges[host] = challenge;

    public async Task<AuthenticationHeaderValue?> AuthorizationForAsync(RegistryRequest request, AuthChallenge? challenge, bool refresh, CancellationToken cancellationToken)
    {
        if (challenge is null)
        {
            return null;
        }
        var credentials = request.Access.Credentials;
        if (challenge.IsBasic)
        {
            return credentials is null ? null : BasicHeader(credentials.Username, credentials.Password);
        }
        if (!challenge.IsBearer)
        {
            throw new RegistryException($"{request.What}: the registry asks for {challenge.Scheme} authentication, which is not supported (Basic and Bearer are)");
        }
        var realm = challenge.Parameter("realm");
        if (string.IsNullOrEmpty(realm) || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri) || (realmUri.Scheme != Uri.UriSchemeHttps && realmUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new RegistryException($"{request.What}: the registry's Bearer challenge has no usable realm");
        }
        if (credentials is not null && realmUri.Scheme == Uri.UriSchemeHttp && !request.Repository.PlainHttp && !ImageRepository.IsLoopback(realmUri.Authority))
        {
            throw new RegistryException($"{request.What}: the registry sends credentials to the plain-HTTP token realm {realmUri.Authority}; they are not sent over an unencrypted connection");
        }
        var service = challenge.Parameter("service") ?? string.Empty;
        var scope = $"repository:{request.Repository.Path}:pull";
        var key = new RegistryTokenCache.TokenKey(realm, service, scope, credentials?.Username ?? string.Empty);
        if (!refresh && _tokens.Get(key) is { } cached)
        {
            return new AuthenticationHeaderValue("Bearer", cached);
        }
        var token = await FetchTokenAsync(request, realmUri, service, scope, key, cancellationToken);
        return new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<string> FetchTokenAsync(RegistryRequest request, Uri realm, string service, string scope, RegistryTokenCache.TokenKey key, CancellationToken cancellationToken)
    {
        var query = new StringBuilder(realm.Query.Length > 1 ? realm.Query[1..] + "&" : string.Empty);
        if (service.Length > 0)
        {
            query.Append("service=").Append(Uri.EscapeDataString(service)).Append('&');
        }
        query.Append("scope=").Append(Uri.EscapeDataString(scope));
        var uri = new UriBuilder(realm) { Query = query.ToString() }.Uri;
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        if (request.Access.Credentials is { } credentials)
        {
            message.Headers.Authorization = BasicHeader(credentials.Username, credentials.Password);
        }
        var what = $"{request.What}: token server {realm.GetLeftPart(UriPartial.Path)}";
        _counters.Count(RegistryRequestKind.Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _clients.For(request.Access).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == HttpStatusCode.Unauthorized || response.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new RegistryException(request.Access.Credentials is null
                    ? $"{what}: anonymous access refused (HTTP {(int)response.StatusCode}); credentials are needed for {request.Repository}"
                    : $"{what}: the credentials were rejected (HTTP {(int)response.StatusCode})", response.StatusCode);
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new RegistryException($"{what}: answered HTTP {(int)response.StatusCode}", response.StatusCode);
            }
            var body = await RegistryTransport.ReadCappedAsync(response.Content, MaxTokenBytes, what, timeout.Token);
            return ParseToken(body, what, key);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException($"{what}: no answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException($"{what}: cannot be reached ({e.Message})", e);
        }
    }

    private string ParseToken(byte[] body, string what, RegistryTokenCache.TokenKey key)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            string? token = null;
            if (root.ValueKind == JsonValueKind.Object)
            {
                token = root.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (string.IsNullOrEmpty(token) && root.TryGetProperty("access_token", out var a) && a.ValueKind == JsonValueKind.String)
                {
                    token = a.GetString();
                }
            }
            if (string.IsNullOrEmpty(token))
            {
                throw new RegistryException($"{what}: the answer holds no token");
            }
            // The token specification's default lifetime is 60 seconds.
            var lifetime = TimeSpan.FromSeconds(60);
            if (root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number && expires.TryGetInt32(out var seconds) && seconds > 0)
            {
                lifetime = TimeSpan.FromSeconds(seconds);
            }
            _tokens.Set(key, token, lifetime);
            return token;
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{what}: the answer is not JSON ({e.Message})", e);
        }
    }

    private static AuthenticationHeaderValue BasicHeader(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));
}
