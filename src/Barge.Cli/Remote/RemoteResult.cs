namespace Barge.Cli.Remote;

/// <summary>The outcome of one API call: a value, or a <see cref="RemoteFailure"/>.</summary>
internal readonly record struct RemoteResult<T>(T? Value, RemoteFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator RemoteResult<T>(RemoteFailure failure) => new(default, failure);

    public static RemoteResult<T> Ok(T value) => new(value, null);
}
