using System.Security.Cryptography;
using Barge.Cli.Approve;
using Barge.Cli.Hosting;
using Barge.Engine.Operations;

namespace Barge.Cli.Promote;

/// <summary>
/// <c>barge promote --downstream-from S (--freight ID | --freight-alias A)</c>: creates a Promotion for
/// every Stage directly downstream of S (kargo-rest-api.md §4.8) and prints them; the Stage and Promotion
/// reconcilers (<c>barge reconcile</c>, <c>barge serve</c>) run them in each Stage's queue.
/// </summary>
internal sealed class DownstreamPromote(CliContext cli)
{
    public async Task<int> RunAsync(string project, PromoteSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Refusal(settings) is { } refusal)
        {
            return cli.Fail(ExitCodes.BadInput, refusal);
        }
        await using var store = await EmbeddedStore.OpenForWriteAsync(cli, cancellationToken);
        using var random = RandomNumberGenerator.Create();
        var result = await new DownstreamPromotion(store, cli.Time, random)
            .CreateAsync(project, settings.Freight ?? settings.FreightAlias!, settings.DownstreamFrom!, LocalActor.Of(cli), cancellationToken);
        if (!result.Succeeded)
        {
            return cli.Fail(OperationExit.Code(result.Failure), result.Message);
        }
        foreach (var promotion in result.Promotions)
        {
            cli.Output.WriteLine($"promotion.kargo.akuity.io/{promotion.Name} created (Stage \"{promotion.Spec?.Stage}\")");
        }
        if (result.Promotions.Count == 0)
        {
            cli.Output.WriteLine(result.Message);
        }
        foreach (var error in result.Errors)
        {
            cli.Fail(ExitCodes.Failed, error);
        }
        return result.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Why the options do not make a downstream promotion (checked before any store or server is touched); null when they do.</summary>
    public static string? Refusal(PromoteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Stage is not null || settings.Warehouse is not null || settings.DryRun)
        {
            return "--downstream-from cannot be combined with --stage, --warehouse or --dry-run";
        }
        if (string.IsNullOrEmpty(settings.Freight) == string.IsNullOrEmpty(settings.FreightAlias))
        {
            return "give exactly one of --freight and --freight-alias with --downstream-from";
        }
        return string.IsNullOrEmpty(settings.DownstreamFrom) ? "--downstream-from needs a Stage name" : null;
    }
}
