using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Registry;

/// <summary>
/// The HTTP layer under <see cref="RegistryClient"/>: the connection pools of
/// <see cref="RegistryHttpClients"/>, a concurrency limit per registry host, the
/// <c>WWW-Authenticate</c> flow of <see cref="RegistryAuthenticator"/>, redirects followed by hand
/// so the <c>Authorization</c> header never leaves the registry's origin, retry with exponential
/// back-off on 429 and 5xx honouring <c>Retry-After</c>, a timeout per request and a size cap on
/// every body.
/// </summary>
internal sealed partial class RegistryTransport : IDisposable
{
    private const long MaxErrorBodyBytes = 16 * 1024;

    private readonly RegistryClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RegistryHttpClients _clients = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _limits = new(StringComparer.Ordinal);
    private readonly RegistryAuthenticator _authenticator;

    public RegistryTransport(RegistryClientOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _authenticator = new RegistryAuthenticator(options, new RegistryTokenCache(time), Counters, _clients);
    }

    public RegistryRequestCounters Counters { get; } = new();

    public async Task<RegistryResponse> SendAsync(RegistryRequest request, CancellationToken cancellationToken)
    {
        var limiter = _limits.GetOrAdd(request.Repository.Host, _ => new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentRequestsPerRegistry)));
        await limiter.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var response = await SendAuthorizedAsync(request, cancellationToken);
                if (!IsRetryable(response.StatusCode) || attempt >= _options.MaxRetries)
                {
                    return response;
                }
                var delay = RetryDelay(response.RetryAfter, attempt);
                Counters.CountRetry();
                LogRetry(_logger, request.What, (int)response.StatusCode, delay.TotalMilliseconds, attempt + 1);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
        finally
        {
            limiter.Release();
        }
    }

    /// <summary>Fails with a message that names the object and the cause, never a credential.</summary>
    public static RegistryException Failure(RegistryRequest request, RegistryResponse response)
    {
        var detail = response.ErrorSummary();
        var suffix = detail is null ? string.Empty : $" ({detail})";
        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when request.Access.Credentials is null =>
                $"{request.What}: the registry requires authentication and no credentials were found for {request.Repository}",
            HttpStatusCode.Unauthorized => $"{request.What}: the registry rejected the credentials (HTTP 401){suffix}",
            HttpStatusCode.Forbidden => $"{request.What}: access denied (HTTP 403){suffix}",
            HttpStatusCode.NotFound => $"{request.What}: not found (HTTP 404){suffix}",
            var code when IsRetryable(code) => $"{request.What}: the registry answered HTTP {(int)code} and kept doing so after retries{suffix}",
            var code => $"{request.What}: the registry answered HTTP {(int)code}{suffix}",
        };
        return new RegistryException(message, response.StatusCode);
    }

    public void Dispose()
    {
        _clients.Dispose();
        foreach (var limiter in _limits.Values)
        {
            limiter.Dispose();
        }
    }

    private async Task<RegistryResponse> SendAuthorizedAsync(RegistryRequest request, CancellationToken cancellationToken)
    {
        var authorization = await _authenticator.AuthorizationForAsync(request, _authenticator.KnownChallenge(request.Repository.Host), refresh: false, cancellationToken);
        var response = await SendFollowingRedirectsAsync(request, authorization, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        var challenge = AuthChallenge.Parse(response.WwwAuthenticate);
        if (challenge is null)
        {
            return response;
        }
        _authenticator.Learn(request.Repository.Host, challenge);
        var renewed = await _authenticator.AuthorizationForAsync(request, challenge, refresh: true, cancellationToken);
        return renewed is null ? response : await SendFollowingRedirectsAsync(request, renewed, cancellationToken);
    }

    private async Task<RegistryResponse> SendFollowingRedirectsAsync(RegistryRequest request, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        var uri = request.Uri;
        for (var hop = 0; hop <= _options.MaxRedirects; hop++)
        {
            using var message = new HttpRequestMessage(request.Method, uri);
            foreach (var accept in request.Accept ?? [])
            {
                message.Headers.Accept.ParseAdd(accept);
            }
            // Credentials go to the registry's own origin only, never to where it redirects.
            if (authorization is not null && SameOrigin(uri, request.Uri))
            {
                message.Headers.Authorization = authorization;
            }
            Counters.Count(request.Kind);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                using var response = await _clients.For(request.Access).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }
                byte[] body;
                if (request.Method == HttpMethod.Head)
                {
                    body = [];
                }
                else if (response.IsSuccessStatusCode)
                {
                    body = await ReadCappedAsync(response.Content, request.MaxBytes, request.What, timeout.Token);
                }
                else
                {
                    body = await ReadTruncatedAsync(response.Content, MaxErrorBodyBytes, timeout.Token);
                }
                return new RegistryResponse(
                    response.StatusCode,
                    uri,
                    response.Content.Headers.ContentType?.MediaType,
                    response.Headers.TryGetValues("Docker-Content-Digest", out var digests) ? digests.FirstOrDefault() : null,
                    response.Headers.TryGetValues("Link", out var links) ? links.FirstOrDefault() : null,
                    response.Headers.WwwAuthenticate.Count > 0 ? response.Headers.WwwAuthenticate.ToString() : null,
                    RetryAfterOf(response),
                    body);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RegistryException($"{request.What}: the registry did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
            }
            catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
            {
                throw new RegistryException($"{request.What}: TLS verification of {uri.Authority} failed (insecureSkipTLSVerify turns it off)", e);
            }
            catch (HttpRequestException e)
            {
                throw new RegistryException($"{request.What}: cannot reach {uri.Authority} ({e.Message})", e);
            }
        }
        throw new RegistryException($"{request.What}: more than {_options.MaxRedirects} redirects (a redirect loop?)");
    }

    private TimeSpan RetryDelay(TimeSpan? retryAfter, int attempt)
    {
        var backoff = TimeSpan.FromTicks(_options.InitialBackoff.Ticks * (1L << Math.Min(attempt, 20)));
        var delay = retryAfter is { } asked && asked > TimeSpan.Zero ? asked : backoff;
        return delay > _options.MaxBackoff ? _options.MaxBackoff : delay;
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            return date - _time.GetUtcNow();
        }
        return null;
    }

    internal static async Task<byte[]> ReadCappedAsync(HttpContent content, long maxBytes, string what, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw new RegistryException($"{what}: the answer is {length.ToString(CultureInfo.InvariantCulture)} bytes, over the limit of {maxBytes.ToString(CultureInfo.InvariantCulture)}");
        }
        var (bytes, complete) = await ReadUpToAsync(content, maxBytes, cancellationToken);
        if (!complete)
        {
            throw new RegistryException($"{what}: the answer is larger than the limit of {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes");
        }
        return bytes;
    }

    private static async Task<byte[]> ReadTruncatedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken) =>
        (await ReadUpToAsync(content, maxBytes, cancellationToken)).Bytes;

    private static async Task<(byte[] Bytes, bool Complete)> ReadUpToAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk, cancellationToken);
                if (read == 0)
                {
                    return (buffer.ToArray(), true);
                }
                var room = maxBytes - buffer.Length;
                if (read > room)
                {
                    buffer.Write(chunk, 0, (int)room);
                    return (buffer.ToArray(), false);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || status == HttpStatusCode.InternalServerError || status == HttpStatusCode.BadGateway
        || status == HttpStatusCode.ServiceUnavailable || status == HttpStatusCode.GatewayTimeout;

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme.Equals(b.Scheme, StringComparison.OrdinalIgnoreCase) && a.Host.Equals(b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    [LoggerMessage(Level = LogLevel.Information, Message = "{What}: HTTP {Status}, retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string what, int status, double delayMs, int attempt);
}
