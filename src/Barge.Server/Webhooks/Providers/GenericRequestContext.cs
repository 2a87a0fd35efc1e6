using System.Diagnostics.CodeAnalysis;

namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// The <c>request</c> of a generic receiver's expressions: <c>request.body</c>,
/// <c>request.header(name)</c>, <c>request.headers(name)</c>, <c>request.params(name)</c> (Kargo's
/// names, hence lower case).
/// </summary>
[SuppressMessage("Naming", "IDE1006:Naming Styles", Justification = "Kargo's expression names are lower case")]
[SuppressMessage("Style", "IDE1006", Justification = "Kargo's expression names are lower case")]
internal sealed class GenericRequestContext(WebhookRequest request, object? body)
{
    public object? body { get; } = body;

    public string header(string name) => request.Header(name) ?? "";

    public List<object?> headers(string name) =>
        request.Headers.TryGetValue(name, out var values) ? [.. values] : [];

    public string @params(string name) =>
        request.Query.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : "";
}
