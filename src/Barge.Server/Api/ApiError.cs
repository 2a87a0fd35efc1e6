namespace Barge.Server.Api;

/// <summary>
/// An expected failure of an API operation: the HTTP status and a message naming the object, plus
/// every validation problem when there are several. Rendered as RFC 7807 problem details whose
/// <c>error</c> member carries the message, so Kargo's clients (which read <c>body.error</c>) show it.
/// </summary>
public sealed record ApiError(int Status, string Message)
{
    /// <summary>Every problem found (validation collects them all); empty when the message says it all.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>For a refused multi-document request: one report per document, in body order; empty otherwise.</summary>
    public IReadOnlyList<DocumentReport> Documents { get; init; } = [];

    /// <summary>
    /// A Barge extension: why the operation refused, in the engine's words (<c>BadInput</c>, <c>NotFound</c>,
    /// <c>NotVerified</c>, <c>Conflict</c>), when the status alone does not say it (Kargo answers 400 both for
    /// a malformed request and for Freight that is not verified). Written as the problem's <c>reason</c>.
    /// </summary>
    public string? Reason { get; init; }

    public static ApiError BadRequest(string message) => new(400, message);

    public static ApiError NotFound(string message) => new(404, message);

    public static ApiError Conflict(string message) => new(409, message);

    public static ApiError Forbidden(string message) => new(403, message);
}
