namespace Barge.Cli.Remote;

/// <summary>
/// A failed API call as the CLI reports it: the exit code of DESIGN.md's contract, the message (the
/// server's <c>error</c>, which names the object) and every validation problem the server listed.
/// </summary>
internal sealed record RemoteFailure(int ExitCode, string Message)
{
    /// <summary>The server's <c>errors</c> (one line per validation problem); empty when the message says it all.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The engine's refusal reason the server named (<c>NotFound</c>, <c>BadInput</c>…); null when it named none.</summary>
    public string? Reason { get; init; }

    /// <summary>The numbers (1-based) of the documents a refused <c>/v1beta1/resources</c> request named as failing.</summary>
    public IReadOnlyList<int> RefusedDocuments { get; init; } = [];

    /// <summary>The refused documents' problems that are about a field: document number (1-based), field path, message.</summary>
    public IReadOnlyList<(int Document, string Path, string Message)> FieldProblems { get; init; } = [];

    /// <summary>The HTTP status; 0 when the server was not reached.</summary>
    public int Status { get; init; }
}
