using System.Diagnostics.CodeAnalysis;

namespace Barge.Engine.Git;

/// <summary>
/// The result of a git operation that can fail for expected reasons (unreachable remote, bad
/// credentials, a ref that vanished): a value, or an error message that names the repository and is
/// already free of credentials.
/// </summary>
internal readonly record struct GitOutcome<T>
{
    private GitOutcome(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static GitOutcome<T> Success(T value) => new(value, null);

    public static GitOutcome<T> Failure(string error) => new(default, UrlRedaction.Redact(error));

    /// <summary>The same failure carried as another type.</summary>
    public GitOutcome<TOther> Cast<TOther>() =>
        Succeeded ? throw new InvalidOperationException("a successful outcome has no failure to carry") : GitOutcome<TOther>.Failure(Error);
}
