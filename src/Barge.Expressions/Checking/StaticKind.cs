namespace Barge.Expressions.Checking;

/// <summary>What the checker knows about a value's kind; <see cref="Unknown"/> for anything from the environment.</summary>
internal enum StaticKind
{
    Unknown,
    Nil,
    Bool,
    Int,
    Float,
    String,
    Array,
    Map,
    AnyKeyMap,
    Time,
    Duration,
}
