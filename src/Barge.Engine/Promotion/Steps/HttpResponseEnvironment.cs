using System.Diagnostics.CodeAnalysis;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// The <c>response</c> variable of the <c>http</c> step's expressions, with Kargo's lower-case member
/// names: <c>response.status</c>, <c>response.headers</c> (name → list of values),
/// <c>response.header(name)</c> (first value, case-insensitive, <c>""</c> when absent) and
/// <c>response.body</c> (the parsed body).
/// </summary>
[SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "expressions read these members by Kargo's lower-case names")]
[SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "expressions read these members by Kargo's lower-case names")]
internal sealed class HttpResponseEnvironment(long status, IReadOnlyDictionary<string, object?> headers, object? body)
{
    public long status { get; } = status;

    public IReadOnlyDictionary<string, object?> headers { get; } = headers;

    public object? body { get; } = body;

    public string header(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (key, values) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && values is List<object?> { Count: > 0 } list)
            {
                return list[0] as string ?? "";
            }
        }
        return "";
    }
}
