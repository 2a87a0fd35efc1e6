using System.Net;

namespace Barge.Engine.Registry;

/// <summary>
/// The two connection pools of the registry client: one that verifies TLS, and one, made on first
/// need, for subscriptions that set <c>insecureSkipTLSVerify</c>. Neither follows redirects by
/// itself, so the caller decides where credentials go.
/// </summary>
internal sealed class RegistryHttpClients : IDisposable
{
    private readonly HttpClient _verified = Create(skipTlsVerify: false);
    private readonly Lazy<HttpClient> _unverified = new(() => Create(skipTlsVerify: true), LazyThreadSafetyMode.ExecutionAndPublication);

    public HttpClient For(RegistryAccess access) => access.InsecureSkipTlsVerify ? _unverified.Value : _verified;

    public void Dispose()
    {
        _verified.Dispose();
        if (_unverified.IsValueCreated)
        {
            _unverified.Value.Dispose();
        }
    }

    private static HttpClient Create(bool skipTlsVerify)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 64,
            UseCookies = false,
        };
        if (skipTlsVerify)
        {
#pragma warning disable CA5359 // The subscription asked for insecureSkipTLSVerify; this client is used for it alone.
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
