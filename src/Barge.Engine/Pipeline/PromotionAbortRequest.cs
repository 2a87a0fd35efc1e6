using System.Text.Json;

namespace Barge.Engine.Pipeline;

/// <summary>
/// A request to abort a Promotion, the value of its <c>kargo.akuity.io/abort</c> annotation: JSON
/// <c>{"action":"terminate","actor":"…","controlPlane":bool}</c> or the bare action <c>terminate</c>.
/// </summary>
/// <param name="Action">The action; Kargo knows only <c>terminate</c>.</param>
/// <param name="Actor">Who asked, when known.</param>
/// <param name="ControlPlane">Whether the control plane asked.</param>
public sealed record PromotionAbortRequest(string Action, string? Actor, bool ControlPlane)
{
    /// <summary>The only action Kargo defines.</summary>
    public const string Terminate = "terminate";

    /// <summary>Kargo's <c>AbortPromotionAnnotationValue</c>: null when absent, malformed or without an action.</summary>
    public static PromotionAbortRequest? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(value);
        }
        catch (JsonException)
        {
            return new PromotionAbortRequest(value, null, false);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var action = root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            var actor = root.TryGetProperty("actor", out var who) && who.ValueKind == JsonValueKind.String ? who.GetString() : null;
            var controlPlane = root.TryGetProperty("controlPlane", out var c) && c.ValueKind == JsonValueKind.True;
            return string.IsNullOrEmpty(action) ? null : new PromotionAbortRequest(action, string.IsNullOrEmpty(actor) ? null : actor, controlPlane);
        }
    }

    /// <summary>Whether the request terminates the Promotion (the only action acted on).</summary>
    public bool Terminates => Action == Terminate;

    /// <summary>The message an aborted Promotion carries.</summary>
    public string Message => Actor is null ? "Promotion terminated per user request" : $"Promotion terminated by {Actor}";
}
