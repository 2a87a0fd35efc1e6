using System.Text;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// One selected commit, as Kargo reports it in <c>status.discoveredArtifacts.git[].commits</c>:
/// <see cref="Branch"/> is the subscription's branch (possibly empty) for NewestFromBranch and empty
/// for tags; <see cref="Tag"/> is set for tag strategies; the subject is cut to 80 bytes.
/// </summary>
internal sealed record DiscoveredGitCommit(
    string Id,
    string Branch,
    string Tag,
    string Subject,
    string Author,
    string Committer,
    DateTimeOffset CreatorDate)
{
    public const int MaxSubjectLength = 80;

    /// <summary>
    /// Kargo's rule: longer than 80 UTF-8 bytes becomes the first 77 bytes plus <c>...</c>. A
    /// character cut in two leaves one U+FFFD per dangling byte, which is what Kargo's output shows.
    /// </summary>
    public static string ShortenSubject(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var bytes = Encoding.UTF8.GetBytes(subject);
        if (bytes.Length <= MaxSubjectLength)
        {
            return subject;
        }
        var cut = MaxSubjectLength - 3;
        var whole = cut;
        while (whole > 0 && (bytes[whole] & 0xC0) == 0x80)
        {
            whole--;
        }
        return Encoding.UTF8.GetString(bytes, 0, whole) + new string('\uFFFD', cut - whole) + "...";
    }
}
