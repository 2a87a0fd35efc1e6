namespace Barge.Expressions.Evaluation;

/// <summary>
/// A map whose keys keep their types (int 1, float 1.0 and "1" differ), as <c>groupBy</c> and
/// <c>fromPairs</c> produce; nil keys are stored as <see cref="NilKey"/>. It cannot be JSON-encoded.
/// </summary>
internal sealed class AnyKeyMap : Dictionary<object, object?>
{
    public static object ToKey(object? value) => value ?? NilKey.Instance;

    public static object? FromKey(object key) => key is NilKey ? null : key;
}
