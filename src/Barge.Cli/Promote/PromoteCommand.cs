using Barge.Cli.Hosting;
using Barge.Engine.Promotion;
using Barge.Resources.Model;

namespace Barge.Cli.Promote;

/// <summary>
/// <c>barge promote --stage S (--freight ID | --freight-alias A | --warehouse W) [--wait] [--dry-run]</c>
/// and <c>barge promote --abort NAME</c>. In embedded mode there is no controller yet to pick the
/// Promotion up, so the command creates it and runs it in this process, printing each step's status
/// as it changes and then the final phase; the exit code is 0 only for Succeeded.
/// </summary>
internal sealed class PromoteCommand(CliContext cli) : BargeCommand<PromoteSettings>(cli)
{
    protected override async Task<int> RunAsync(PromoteSettings settings, CancellationToken cancellationToken)
    {
        if (ResolveProject(settings, out var exitCode) is not { } project)
        {
            return exitCode;
        }
        if (settings.Abort is { Length: > 0 } abort)
        {
            return await AbortAsync(project, abort, cancellationToken);
        }
        if (settings.DownstreamFrom is not null)
        {
            return await new DownstreamPromote(Cli).RunAsync(project, settings, cancellationToken);
        }
        if (string.IsNullOrEmpty(settings.Stage))
        {
            return Cli.Fail(ExitCodes.BadInput, "--stage is required");
        }
        var chosen = new[] { settings.Freight, settings.FreightAlias, settings.Warehouse }.Count(v => !string.IsNullOrEmpty(v));
        if (chosen != 1)
        {
            return Cli.Fail(ExitCodes.BadInput, "give exactly one of --freight, --freight-alias and --warehouse");
        }
        var request = new PromotionRequest(project, settings.Stage)
        {
            Freight = settings.Freight,
            FreightAlias = settings.FreightAlias,
            Warehouse = settings.Warehouse,
            Actor = Actor(),
        };
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var options = new PromotionEngineOptions(Path.Combine(Cli.Home.Path, "work"))
        {
            Credentials = await ProjectCredentials.LoadAsync(store, project, cancellationToken),
        };
        var engine = new PromotionEngine(store, options, Cli.Time);
        var progress = new SynchronousProgress(Cli.Output);
        if (settings.DryRun)
        {
            return await DryRunAsync(engine, request, progress, cancellationToken);
        }
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
        var created = await new PromotionFactory(store, Cli.Time, random).CreateAsync(request, cancellationToken);
        if (created.Promotion is not { } promotion)
        {
            return Cli.Fail(ExitCodes.BadInput, string.Join("\n", created.Errors));
        }
        Cli.Output.WriteLine($"promotion.kargo.akuity.io/{promotion.Name} created");
        var outcome = await engine.RunToCompletionAsync(project, promotion.Name, progress, cancellationToken);
        return Finish(promotion.Name, outcome);
    }

    private async Task<int> DryRunAsync(PromotionEngine engine, PromotionRequest request, SynchronousProgress progress, CancellationToken cancellationToken)
    {
        var report = await engine.DryRunAsync(request, progress, cancellationToken);
        if (report.Outcome is not { } outcome)
        {
            return Cli.Fail(ExitCodes.BadInput, string.Join("\n", report.Errors));
        }
        foreach (var diff in report.Diffs)
        {
            var shortBase = diff.BaseCommit.Length > 7 ? diff.BaseCommit[..7] : diff.BaseCommit;
            Cli.Output.WriteLine($"--- {diff.RepoURL} ({diff.Path}) from {shortBase}");
            Cli.Output.Write(diff.Diff.Length == 0 ? "(no changes)\n" : diff.Diff);
        }
        return Finish("dry run of " + report.Promotion!.Name, outcome);
    }

    private async Task<int> AbortAsync(string project, string name, CancellationToken cancellationToken)
    {
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var engine = new PromotionEngine(store, new PromotionEngineOptions(Path.Combine(Cli.Home.Path, "work")), Cli.Time);
        try
        {
            if (!await engine.RequestAbortAsync(project, name, Actor(), cancellationToken))
            {
                return Cli.Fail(ExitCodes.Failed, $"Promotion \"{name}\" in project \"{project}\" is already terminal");
            }
        }
        catch (Barge.Storage.ResourceNotFoundException)
        {
            return Cli.Fail(ExitCodes.BadInput, $"Promotion \"{name}\" not found in project \"{project}\"");
        }
        Cli.Output.WriteLine($"promotion.kargo.akuity.io/{name} abort requested");
        return ExitCodes.Success;
    }

    private int Finish(string what, PromotionRunOutcome outcome)
    {
        Cli.Output.WriteLine(outcome.Message is { Length: > 0 } message ? $"{what}: {outcome.Phase}: {message}" : $"{what}: {outcome.Phase}");
        return outcome.Phase == PromotionPhase.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>
    /// The create-actor of a local promotion: there is no login in embedded mode, so the operating
    /// system user is recorded as Kargo records an authenticated subject (<c>subject:&lt;user&gt;</c>).
    /// </summary>
    private string Actor() => Cli.GetEnvironmentVariable("USER") is { } user ? "subject:" + user : "admin";

    /// <summary>Writes step changes as they happen (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(TextWriter output) : IProgress<StepProgress>
    {
        public void Report(StepProgress value)
        {
            var line = $"[{value.Index + 1}/{value.Count}] {value.Alias} ({value.Uses}): {value.Status}";
            output.WriteLine(value.Message is { Length: > 0 } message ? line + ": " + message : line);
        }
    }
}
