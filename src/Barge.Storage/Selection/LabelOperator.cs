namespace Barge.Storage.Selection;

/// <summary>The operators of a Kubernetes label selector.</summary>
public enum LabelOperator
{
    /// <summary><c>key=value</c> or <c>key==value</c>.</summary>
    Equals,

    /// <summary><c>key!=value</c>; also matches resources without the key.</summary>
    NotEquals,

    /// <summary><c>key in (a,b)</c>.</summary>
    In,

    /// <summary><c>key notin (a,b)</c>; also matches resources without the key.</summary>
    NotIn,

    /// <summary><c>key</c>.</summary>
    Exists,

    /// <summary><c>!key</c>.</summary>
    DoesNotExist,
}
