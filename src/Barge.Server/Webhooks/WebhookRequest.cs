using System.Text;

namespace Barge.Server.Webhooks;

/// <summary>An inbound call as the providers see it: headers, query and the raw body (already size-checked).</summary>
internal sealed record WebhookRequest(IReadOnlyDictionary<string, string[]> Headers, IReadOnlyDictionary<string, string[]> Query, byte[] Body)
{
    /// <summary>The first value of a header (case-insensitive name), or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;

    public string BodyText => Encoding.UTF8.GetString(Body);
}
