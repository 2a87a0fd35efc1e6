namespace Barge.Server.Api;

/// <summary>
/// One document of a refused <c>/v1beta1/resources</c> request: its number in the body (1-based, empty
/// documents not counted), what it names, and its problems (null when the document itself was fine
/// but was not applied because another one failed). <paramref name="Fields"/> repeats the problems that
/// are about a field of the document as path and message (Barge extension: the CLI places them at the
/// field's file:line, as embedded mode does).
/// </summary>
public sealed record DocumentReport(int Document, string? Kind, string? Namespace, string? Name, string? Error)
{
    public IReadOnlyList<(string Path, string Message)> Fields { get; init; } = [];
}
