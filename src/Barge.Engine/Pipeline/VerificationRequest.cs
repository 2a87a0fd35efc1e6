using System.Text.Json;

namespace Barge.Engine.Pipeline;

/// <summary>
/// A re-verify or abort-verification request, the value of a Stage's <c>kargo.akuity.io/reverify</c> or
/// <c>kargo.akuity.io/abort</c> annotation: JSON <c>{"id","actor","controlPlane"}</c> or a bare verification ID.
/// </summary>
/// <param name="Id">The verification the request is for.</param>
/// <param name="Actor">Who asked, when known.</param>
/// <param name="ControlPlane">Whether the control plane asked.</param>
public sealed record VerificationRequest(string Id, string? Actor, bool ControlPlane)
{
    /// <summary>Kargo's <c>ReverifyAnnotationValue</c>/<c>AbortVerificationAnnotationValue</c>: null when absent, malformed or without an ID.</summary>
    public static VerificationRequest? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }
        string? id = value;
        string? actor = null;
        var controlPlane = false;
        if (IsJson(value))
        {
            try
            {
                using var document = JsonDocument.Parse(value);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }
                var root = document.RootElement;
                id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                actor = root.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                controlPlane = root.TryGetProperty("controlPlane", out var c) && c.ValueKind == JsonValueKind.True;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return string.IsNullOrEmpty(id) ? null : new VerificationRequest(id, string.IsNullOrEmpty(actor) ? null : actor, controlPlane);
    }

    /// <summary>Whether the request names the verification <paramref name="id"/>.</summary>
    public bool IsFor(string? id) => !string.IsNullOrEmpty(id) && Id == id;

    /// <summary>The annotation value: JSON with the ID, actor and control-plane flag (as Kargo writes it).</summary>
    public override string ToString()
    {
        var fields = new Dictionary<string, object> { ["id"] = Id };
        if (Actor is not null)
        {
            fields["actor"] = Actor;
        }
        if (ControlPlane)
        {
            fields["controlPlane"] = true;
        }
        return JsonSerializer.Serialize(fields);
    }

    private static bool IsJson(string value)
    {
        try
        {
            using var _ = JsonDocument.Parse(value);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
