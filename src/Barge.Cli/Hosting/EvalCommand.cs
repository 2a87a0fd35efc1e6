using Barge.Cli.Eval;
using Spectre.Console.Cli;

namespace Barge.Cli.Hosting;

/// <summary>
/// <c>barge eval EXPR [--env JSON]</c>, <c>--template S</c>, <c>--jsonl</c>: the command around
/// <see cref="EvalRunner"/>. The value is printed as JSON; a failing expression is exit 1 with its
/// rendered error, bad usage or a malformed environment exit 2.
/// </summary>
internal sealed class EvalCommand(CliContext cli) : AsyncCommand<EvalSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var runner = new EvalRunner();
        if (settings.JsonLines)
        {
            if (settings.Expression is not null || settings.Template is not null || settings.Environment is not null)
            {
                return cli.Fail(ExitCodes.BadInput, "--jsonl reads its requests from stdin; it takes no expression, --template or --env");
            }
            using var input = EvalRunner.OpenStrictUtf8(cli.Input);
            return await runner.RunJsonLinesAsync(input, cli.Output, cancellationToken);
        }
        var outcome = runner.Evaluate(new EvalRequest(settings.Expression, settings.Template, settings.Environment));
        if (outcome.ValueJson is { } value)
        {
            cli.Output.WriteLine(value);
            return ExitCodes.Success;
        }
        return cli.Fail(outcome.IsUsageError ? ExitCodes.BadInput : ExitCodes.Failed, outcome.Error ?? "evaluation failed");
    }
}
