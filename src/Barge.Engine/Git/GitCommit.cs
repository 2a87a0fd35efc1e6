namespace Barge.Engine.Git;

/// <summary>A commit as discovery sees it; people are written <c>Name &lt;email&gt;</c>.</summary>
/// <param name="Subject">The subject as git prints it (<c>%s</c>: the first paragraph on one line).</param>
/// <param name="Message">The whole raw message body.</param>
internal sealed record GitCommit(
    string Id,
    DateTimeOffset CommitDate,
    string Author,
    string Committer,
    string Subject,
    string Message);
