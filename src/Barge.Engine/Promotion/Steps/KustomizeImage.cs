namespace Barge.Engine.Promotion.Steps;

/// <summary>One entry of a Kustomization's <c>images</c> list (empty string = field absent).</summary>
internal sealed record KustomizeImage(string Name, string NewName = "", string TagSuffix = "", string NewTag = "", string Digest = "")
{
    /// <summary>The reference a commit message shows: new name or name, then <c>:tag</c> and <c>@digest</c> when set.</summary>
    public string Reference =>
        (NewName.Length > 0 ? NewName : Name) + (NewTag.Length > 0 ? ":" + NewTag : "") + (Digest.Length > 0 ? "@" + Digest : "");

    /// <summary>The fields in kustomize's order, empty ones omitted.</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields()
    {
        yield return new("name", Name);
        foreach (var (key, value) in new[] { ("newName", NewName), ("tagSuffix", TagSuffix), ("newTag", NewTag), ("digest", Digest) })
        {
            if (value.Length > 0)
            {
                yield return new(key, value);
            }
        }
    }
}
