using System.Text;

namespace Barge.Engine.Registry;

/// <summary>
/// A parsed <c>WWW-Authenticate</c> challenge: its scheme (<c>Basic</c> or <c>Bearer</c>) and
/// parameters (<c>realm</c>, <c>service</c>, <c>scope</c>, …).
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Parses the first challenge of a header value such as
    /// <c>Bearer realm="https://auth.example.com/token",service="registry",scope="repository:a:pull"</c>.
    /// Null when the value is not a challenge.
    /// </summary>
    public static AuthChallenge? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        var text = header.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? text : text[..space];
        if (scheme.Length == 0 || scheme.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = space < 0 ? text.Length : space + 1;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ','))
            {
                i++;
            }
            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }
            var name = text[i..equals].Trim();
            i = equals + 1;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }
                    value.Append(text[i]);
                    i++;
                }
                i++;
            }
            else
            {
                while (i < text.Length && text[i] != ',')
                {
                    value.Append(text[i]);
                    i++;
                }
            }
            if (name.Length > 0)
            {
                parameters[name] = value.ToString().Trim();
            }
        }
        return new AuthChallenge(scheme, parameters);
    }
}
