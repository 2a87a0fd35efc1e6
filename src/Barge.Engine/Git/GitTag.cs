namespace Barge.Engine.Git;

/// <summary>
/// A tag as discovery sees it. For an annotated tag <see cref="CreatorDate"/> is the tagger date and
/// <see cref="Tagger"/>/<see cref="Annotation"/> are set; for a lightweight tag the date is the
/// commit's and both are empty. People are written <c>Name &lt;email&gt;</c>.
/// </summary>
/// <param name="Name">The tag name without <c>refs/tags/</c>.</param>
/// <param name="CommitId">The commit the tag points at (peeled through an annotated tag).</param>
/// <param name="Subject">The commit's subject (its first paragraph on one line).</param>
/// <param name="Annotation">The subject of the tag message.</param>
internal sealed record GitTag(
    string Name,
    string CommitId,
    string Subject,
    string Author,
    string Committer,
    DateTimeOffset CreatorDate,
    string Tagger,
    string Annotation);
