namespace Barge.Server.Api;

/// <summary>What <c>/v1beta1/resources</c> does with its documents.</summary>
public enum DocumentMode
{
    /// <summary><c>POST</c>: every document must be new.</summary>
    Create,

    /// <summary><c>PUT</c>: every document must exist.</summary>
    Update,

    /// <summary><c>PUT ?upsert=true</c>: create or update (<c>barge apply</c>).</summary>
    Upsert,

    /// <summary><c>DELETE</c>: every document must exist.</summary>
    Delete,
}
