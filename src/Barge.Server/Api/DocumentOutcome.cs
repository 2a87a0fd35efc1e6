namespace Barge.Server.Api;

/// <summary>What happened to one document of <c>/v1beta1/resources</c>; names Kargo's result keys.</summary>
public enum DocumentOutcome
{
    Created,
    Updated,
    Deleted,
}
