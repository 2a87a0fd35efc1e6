namespace Barge.Engine.Templating;

/// <summary>Kargo's actor strings (<c>pkg/api/event.go</c>, <c>annotations.go</c>).</summary>
internal static class Actors
{
    public const string CreateActorAnnotation = "kargo.akuity.io/create-actor";
    public const string RollbackAnnotation = "kargo.akuity.io/rollback";
    public const string UnknownActor = "unknown actor";

    /// <summary><c>kubernetes:&lt;user&gt;</c>, as a request from outside the control plane is recorded.</summary>
    public static string Kubernetes(string user) => "kubernetes:" + user;

    /// <summary><c>email:&lt;address&gt;</c>.</summary>
    public static string Email(string address) => "email:" + address;

    /// <summary><c>subject:&lt;sub&gt;</c>.</summary>
    public static string Subject(string subject) => "subject:" + subject;

    /// <summary><c>controller:&lt;name&gt;</c>, the actor of auto-promotions (never written to create-actor).</summary>
    public static string Controller(string name) => "controller:" + name;

    /// <summary>
    /// <c>ctx.meta.promotion.actor</c> from the annotation value: <c>unknown actor</c> and absence give
    /// "", otherwise the part after the first <c>:</c> (<c>email:alice@x.io</c> → <c>alice@x.io</c>;
    /// <c>admin</c> → <c>admin</c>).
    /// </summary>
    public static string FromAnnotation(string? value)
    {
        if (string.IsNullOrEmpty(value) || value == UnknownActor)
        {
            return "";
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? value : value[(colon + 1)..];
    }
}
