using Barge.Engine.Audit;
using Barge.Engine.Operations;
using Barge.Storage;

namespace Barge.Cli.Demo;

/// <summary>The demo's history from the audit trail: every <c>PromotionFinished</c> entry of the project, oldest first.</summary>
internal static class AuditHistory
{
    public static async Task<IReadOnlyList<DemoHistoryRow>> ReadAsync(IResourceStore store, string project, CancellationToken cancellationToken)
    {
        var trail = new AuditTrail(store);
        var entries = new List<AuditEntry>();
        long? before = null;
        do
        {
            var page = await trail.QueryAsync(new AuditQuery { Project = project, Type = AuditTypes.PromotionFinished, Limit = AuditTrail.MaxLimit, Before = before }, cancellationToken);
            entries.AddRange(page.Items);
            before = page.NextBefore;
        }
        while (before is not null);
        return entries
            .OrderBy(e => e.Id)
            .Select(e => e.Record)
            .Select(r => new DemoHistoryRow(r.Stage ?? "", r.Freight ?? "", r.FreightAlias, r.Origin ?? "", r.Actor, r.Phase ?? "", CommitOf(r.Commits)))
            .ToList();
    }

    /// <summary>The commit of the first <c>repoURL@sha</c> the Promotion pushed; null when it pushed none.</summary>
    private static string? CommitOf(IReadOnlyList<string>? commits) =>
        commits is [var first, ..] && first.LastIndexOf('@') is var at and > 0 ? first[(at + 1)..] : null;
}
