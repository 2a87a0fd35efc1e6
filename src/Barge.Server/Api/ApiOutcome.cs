using System.Diagnostics.CodeAnalysis;

namespace Barge.Server.Api;

/// <summary>The value of an API operation or its <see cref="ApiError"/>.</summary>
public readonly record struct ApiOutcome<T>
{
    private ApiOutcome(T? value, ApiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ApiError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Error is null;

    public static implicit operator ApiOutcome<T>(T value) => new(value, null);

    public static implicit operator ApiOutcome<T>(ApiError error) => new(default, error);
}
