namespace Barge.Cli.Remote;

/// <summary>The URL of a <c>barge serve</c>: absolute http(s), no query or fragment; kept without a trailing slash.</summary>
internal static class ServerUrl
{
    public static bool TryParse(string text, out Uri server, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        server = null!;
        error = null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0)
        {
            error = $"server URL \"{text}\" is not an http:// or https:// URL (e.g. http://127.0.0.1:8080)";
            return false;
        }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            error = $"server URL \"{text}\" must not carry a query, a fragment or credentials; give the token with --token or on stdin";
            return false;
        }
        server = new Uri(Format(uri) + "/");
        return true;
    }

    /// <summary>The URL as users see it: no trailing slash.</summary>
    public static string Format(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
