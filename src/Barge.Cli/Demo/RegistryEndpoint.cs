using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Barge.Cli.Demo;

/// <summary>A registry given as <c>host:port</c> on a loopback address (the demo pushes over plain HTTP).</summary>
internal sealed record RegistryEndpoint(string Host, int Port)
{
    public override string ToString() => Host + ":" + Port.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string text, [NotNullWhen(true)] out RegistryEndpoint? endpoint, [NotNullWhen(false)] out string? error)
    {
        endpoint = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"\"{text}\" is not HOST:PORT (for example 127.0.0.1:5000)";
            return false;
        }
        var host = text[..colon];
        var loopback = host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            error = $"\"{host}\" is not a loopback address; the demo only pushes to a registry on this machine (127.0.0.1, ::1 or localhost)";
            return false;
        }
        endpoint = new RegistryEndpoint(host, port);
        error = null;
        return true;
    }
}
