namespace Barge.Expressions;

/// <summary>What a host function accepts in one parameter; checked when the function is called.</summary>
public enum ArgumentKind
{
    /// <summary>Any value, nil included.</summary>
    Any,

    /// <summary>A string.</summary>
    String,

    /// <summary>An integer (<see cref="long"/>).</summary>
    Int,

    /// <summary>An int or a float; ints are passed as <see cref="long"/>, floats as <see cref="double"/>.</summary>
    Number,

    /// <summary>A bool.</summary>
    Bool,

    /// <summary>A list.</summary>
    Array,

    /// <summary>A map.</summary>
    Map,

    /// <summary>An instance of <see cref="HostParameter.ClrType"/> (a host object returned by another function).</summary>
    Object,
}
