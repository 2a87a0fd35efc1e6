namespace Barge.Server.Auth;

/// <summary>
/// What a token may do in one project, each role including the ones before it: <c>viewer</c> reads,
/// <c>promoter</c> also promotes, approves, refreshes, aborts and re-verifies, <c>admin</c> also
/// applies, deletes and renames (Freight aliases).
/// </summary>
public enum ProjectRole
{
    Viewer = 1,
    Promoter = 2,
    Admin = 3,
}
