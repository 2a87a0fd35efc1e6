using System.Globalization;
using System.Text.Encodings.Web;

namespace Barge.Server.Ui;

/// <summary>Encoding helpers for the server-rendered pages: every dynamic value goes through <see cref="E"/>.</summary>
internal static class Html
{
    /// <summary>Encodes text for an HTML body or attribute value.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>Encodes one URL path segment.</summary>
    public static string U(string? segment) => Uri.EscapeDataString(segment ?? "");

    /// <summary>A timestamp as UTC ISO text, or a dash.</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "—";

    /// <summary>A duration as text (<c>1m05s</c>, <c>3.2s</c>), or a dash.</summary>
    public static string Duration(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is not { } start || to is not { } end)
        {
            return "—";
        }
        var span = end - start;
        return span.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0}s");
    }

    /// <summary>A hidden CSRF field for a form.</summary>
    public static string Csrf(UiSession session) => $"<input type=\"hidden\" name=\"{UiRoutes.CsrfField}\" value=\"{E(session.Csrf)}\">";
}
