using System.ComponentModel;
using Spectre.Console.Cli;

namespace Barge.Cli.Hosting;

/// <summary>
/// <c>barge eval</c> evaluates locally in every mode, so it takes no <c>--server</c>: there is nothing
/// a server would do differently.
/// </summary>
internal sealed class EvalSettings : CommandSettings
{
    [CommandArgument(0, "[EXPR]")]
    [Description("An expression in Kargo's expression language.")]
    public string? Expression { get; init; }

    [CommandOption("--template <TEMPLATE>")]
    [Description("Evaluate a ${{ }} template string instead of an expression.")]
    public string? Template { get; init; }

    [CommandOption("--env <JSON>")]
    [Description("The environment: a JSON object whose members are the expression's variables.")]
    public string? Environment { get; init; }

    [CommandOption("--jsonl")]
    [Description("Read {\"expr\"|\"template\": …, \"env\": {…}} lines on stdin; write {\"value\": …} or {\"error\": \"…\"} lines.")]
    public bool JsonLines { get; init; }
}
