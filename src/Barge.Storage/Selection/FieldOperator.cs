namespace Barge.Storage.Selection;

/// <summary>How a field filter tests the value at its path.</summary>
public enum FieldOperator
{
    /// <summary>The value at the path is the JSON string given.</summary>
    Equals,

    /// <summary>The value at the path is not that string (absent counts as not equal).</summary>
    NotEquals,

    /// <summary>The path exists (its value may be any JSON, null included).</summary>
    Exists,

    /// <summary>The path does not exist.</summary>
    DoesNotExist,
}
