using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Engine.Controllers;
using Barge.Engine.Controllers.Promotions;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Promote;

/// <summary>
/// <c>barge promote --stage S (--freight ID | --freight-alias A | --warehouse W) [--wait] [--dry-run]</c>
/// and <c>barge promote --abort NAME</c>. The command creates the Promotion (with its audit entry) and,
/// in embedded mode, runs the pipeline controller in this process until the Promotion is terminal,
/// printing each step's status as it changes and then the final phase; the exit code is 0 only for
/// Succeeded. <c>--no-wait</c> only creates it, for a controller running elsewhere.
/// </summary>
internal sealed class PromoteCommand(CliContext cli) : BargeCommand<PromoteSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.Supported;

    /// <summary>
    /// Remote mode: the server creates the Promotion and its controllers run it; this waits (unless
    /// <c>--no-wait</c>) by following the Promotion's watch. <c>--dry-run</c> runs on the server (nothing stored)
    /// and <c>--downstream-from</c> goes through the downstream route.
    /// </summary>
    protected override async Task<int> RunRemoteAsync(PromoteSettings settings, BargeClient client, CancellationToken cancellationToken)
    {
        if (ResolveProject(settings, out var exitCode) is not { } project)
        {
            return exitCode;
        }
        var remote = new RemotePromote(Cli, client);
        if (settings.Abort is { Length: > 0 } abort)
        {
            return await remote.AbortAsync(project, abort, cancellationToken);
        }
        if (settings.DownstreamFrom is not null)
        {
            return await new RemoteDownstream(Cli, client).RunAsync(project, settings, cancellationToken);
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
        if (settings.NoWait && settings.Wait)
        {
            return Cli.Fail(ExitCodes.BadInput, "--wait and --no-wait exclude each other");
        }
        var body = new
        {
            freight = settings.Freight ?? "",
            freightAlias = settings.FreightAlias ?? "",
            origin = string.IsNullOrEmpty(settings.Warehouse) ? "" : "Warehouse/" + settings.Warehouse,
        };
        if (settings.DryRun)
        {
            return await remote.DryRunAsync(project, settings.Stage, body, cancellationToken);
        }
        return await remote.PromoteAsync(project, settings.Stage, body, wait: !settings.NoWait, cancellationToken);
    }

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
        if (settings.NoWait && settings.Wait)
        {
            return Cli.Fail(ExitCodes.BadInput, "--wait and --no-wait exclude each other");
        }
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var progress = new SynchronousProgress(Cli.Output);
        if (settings.DryRun)
        {
            var options = new PromotionEngineOptions(Path.Combine(Cli.Home.Path, "work"))
            {
                Credentials = await ProjectCredentials.LoadAsync(store, project, cancellationToken),
            };
            return await DryRunAsync(new PromotionEngine(store, options, Cli.Time), request, progress, cancellationToken);
        }
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
        var created = await new PromotionFactory(store, Cli.Time, random).CreateAsync(request, cancellationToken);
        if (created.Promotion is not { } promotion)
        {
            return Cli.Fail(ExitCodes.BadInput, string.Join("\n", created.Errors));
        }
        Cli.Output.WriteLine($"promotion.kargo.akuity.io/{promotion.Name} created");
        if (settings.NoWait)
        {
            return ExitCodes.Success;
        }
        return await RunUntilTerminalAsync(store, project, promotion.Name, progress, cancellationToken);
    }

    /// <summary>
    /// Embedded mode: runs the pipeline controller in this process until the Promotion is terminal. The
    /// Promotion goes through its Stage's queue like any other, so it starts when it reaches the head.
    /// </summary>
    private async Task<int> RunUntilTerminalAsync(IResourceStore store, string project, string name, SynchronousProgress progress, CancellationToken cancellationToken)
    {
        if (!SecretKeys.TryOpen(Cli, out var cipher, out var keyError))
        {
            return Cli.Fail(ExitCodes.Failed, "the secret key is not usable: " + keyError);
        }
        using var ownedCipher = cipher;
        using var loggers = new StderrLoggerFactory(Cli.Error);
        var options = new PipelineControllerOptions
        {
            Promotion = new PromotionReconcilerOptions
            {
                Progress = (key, step) =>
                {
                    if (key.Project == project && key.Name == name)
                    {
                        progress.Report(step);
                    }
                },
            },
        };
        using var controller = new PipelineController(store, Cli.Home.Path, cipher, Cli.Time, loggers, options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = controller.Runtime.RunAsync(stop.Token);
        var key = new ResourceKey("Promotion", project, name);
        try
        {
            while (true)
            {
                // Wall-clock polling on purpose: a fake clock in tests must not stall the wait.
                await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken));
                if (running.IsCompleted)
                {
                    await running;
                    return Cli.Fail(ExitCodes.Failed, $"the controller stopped before Promotion \"{name}\" finished");
                }
                var stored = await store.GetAsync(key, cancellationToken);
                if (stored is null)
                {
                    return Cli.Fail(ExitCodes.Failed, $"Promotion \"{name}\" in project \"{project}\" was deleted before it finished");
                }
                if (TerminalPhase(stored) is { } phase)
                {
                    return Finish(name, phase, StatusString(stored, "message"));
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
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
            PromoteOutput.WriteDiff(Cli.Output, diff.RepoURL, diff.Path, diff.BaseCommit, diff.Diff);
        }
        return Finish("dry run of " + report.Promotion!.Name, outcome.Phase, outcome.Message);
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

    private static PromotionPhase? TerminalPhase(StoredResource stored) =>
        Enum.TryParse<PromotionPhase>(StatusString(stored, "phase"), out var phase) && FinalPhase.IsTerminal(phase) ? phase : null;

    private static string? StatusString(StoredResource stored, string field) =>
        stored.Status is { ValueKind: System.Text.Json.JsonValueKind.Object } status && status.TryGetProperty(field, out var value)
            && value.ValueKind == System.Text.Json.JsonValueKind.String
            ? value.GetString()
            : null;

    private int Finish(string what, PromotionPhase phase, string? message) => PromoteOutput.Finish(Cli.Output, what, phase, message);

    /// <summary>
    /// The create-actor of a local promotion: there is no login in embedded mode, so the operating
    /// system user is recorded as Kargo records an authenticated subject (<c>subject:&lt;user&gt;</c>).
    /// </summary>
    private string Actor() => Cli.GetEnvironmentVariable("USER") is { } user ? "subject:" + user : "admin";

    /// <summary>Writes step changes as they happen (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(TextWriter output) : IProgress<StepProgress>
    {
        public void Report(StepProgress value) =>
            output.WriteLine(PromoteOutput.StepLine(value.Index, value.Count, value.Alias, value.Uses, value.Status.ToString(), value.Message));
    }
}
