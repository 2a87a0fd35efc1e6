using System.Text.Json;

namespace Barge.Engine.Promotion;

/// <summary>
/// The <c>kargo.akuity.io/abort</c> annotation of a Promotion: JSON
/// <c>{"action":"terminate","actor":"…","controlPlane":bool}</c> or the bare string <c>terminate</c>.
/// </summary>
internal sealed record AbortRequest(string Actor)
{
    public const string Annotation = "kargo.akuity.io/abort";

    /// <summary>Kargo's Promotion message for an abort.</summary>
    public string Message => Actor.Length == 0 ? "Promotion terminated per user request" : "Promotion terminated by " + Actor;

    /// <summary>The request in the annotation value, or null when it asks for nothing Barge knows.</summary>
    public static AbortRequest? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (value.Trim() == "terminate")
        {
            return new AbortRequest("");
        }
        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String || action.GetString() != "terminate")
            {
                return null;
            }
            var actor = root.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "";
            return new AbortRequest(actor);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The annotation value Barge writes.</summary>
    public static string Format(string actor) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["action"] = "terminate", ["actor"] = actor, ["controlPlane"] = false });
}
