using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// The HTTP client set-up shared by <c>http</c>, <c>http-download</c> and <c>send-message</c>: a timeout,
/// an optional proxy, optional TLS verification skipping, and a dialer that refuses link-local
/// addresses (cloud metadata endpoints), as Kargo's transport does.
/// </summary>
internal static class HttpStepClient
{
    /// <summary>A client without its own timeout: callers bound the whole exchange (body included) with <see cref="Deadline"/>.</summary>
    public static HttpClient Create(bool insecureSkipTlsVerify, Uri? proxy)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (proxy is not null)
        {
            handler.Proxy = new WebProxy(proxy);
            handler.UseProxy = true;
        }
        if (insecureSkipTlsVerify)
        {
            // insecureSkipTLSVerify is the user's explicit, documented choice (self-signed test endpoints).
#pragma warning disable CA5359
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = static (_, _, _, _) => true };
#pragma warning restore CA5359
        }
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>A token cancelled by <paramref name="cancellationToken"/> or once <paramref name="timeout"/> has passed (none when zero).</summary>
    public static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout > TimeSpan.Zero)
        {
            source.CancelAfter(timeout);
        }
        return source;
    }

    /// <summary>
    /// The URL with <paramref name="queryParams"/> added to its query, re-encoded with keys sorted (Go's
    /// <c>url.Values.Encode</c>); null when the URL is not an absolute http(s) URL.
    /// </summary>
    public static Uri? BuildUri(string url, IReadOnlyList<HttpNameValue> queryParams, out string error)
    {
        error = "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            error = $"parse \"{Redact(url)}\": not an absolute http or https URL";
            return null;
        }
        if (queryParams.Count == 0)
        {
            return uri;
        }
        var values = new List<(string Key, string Value)>();
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            values.Add(eq < 0
                ? (Unescape(pair), "")
                : (Unescape(pair[..eq]), Unescape(pair[(eq + 1)..])));
        }
        values.AddRange(queryParams.Select(p => (p.Name, p.Value)));
        var query = new StringBuilder();
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (query.Length > 0)
            {
                query.Append('&');
            }
            query.Append(Escape(key)).Append('=').Append(Escape(value));
        }
        return new UriBuilder(uri) { Query = query.ToString() }.Uri;
    }

    /// <summary>A URL with any user information removed, for messages.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => !IsLinkLocal(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"dial {context.DnsEndPoint.Host}: connections to link-local addresses are not allowed");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal static bool IsLinkLocal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return bytes[0] == 169 && bytes[1] == 254;
        }
        return address.IsIPv6LinkLocal;
    }
}
