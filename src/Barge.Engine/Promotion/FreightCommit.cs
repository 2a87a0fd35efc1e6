namespace Barge.Engine.Promotion;

/// <summary>A git commit of a Freight: repository and commit ID (plus tag when the Freight came from one).</summary>
internal sealed record FreightCommit(string RepoURL, string Id, string Tag = "");
