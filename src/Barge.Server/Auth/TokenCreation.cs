namespace Barge.Server.Auth;

/// <summary>A created token and its one-time value, or why none was created.</summary>
public sealed record TokenCreation
{
    private TokenCreation(ApiToken? token, string? value, IReadOnlyList<string> errors, bool conflict)
    {
        Token = token;
        Value = value;
        Errors = errors;
        IsConflict = conflict;
    }

    public ApiToken? Token { get; }

    /// <summary>The bearer token; shown once.</summary>
    public string? Value { get; }

    public IReadOnlyList<string> Errors { get; }

    /// <summary>True when a token of that name exists already.</summary>
    public bool IsConflict { get; }

    public static TokenCreation Created(ApiToken token, string value) => new(token, value, [], false);

    public static TokenCreation Invalid(IReadOnlyList<string> errors) => new(null, null, errors, false);

    public static TokenCreation Conflict(string error) => new(null, null, [error], true);
}
