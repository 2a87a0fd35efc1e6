namespace Barge.Engine.Promotion;

/// <summary>A container image of a Freight: repository, and a tag and/or digest (empty when absent).</summary>
internal sealed record FreightImage(string RepoURL, string Tag, string Digest);
