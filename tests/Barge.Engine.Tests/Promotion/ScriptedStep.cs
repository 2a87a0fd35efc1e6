using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Barge.Engine.Promotion;

namespace Barge.Engine.Tests.Promotion;

/// <summary>
/// A test step (<c>uses: scripted</c>) whose config says what it returns: <c>status</c> (Succeeded,
/// Failed, Errored, Running), <c>message</c>, <c>terminal</c>, <c>retryAfterSeconds</c>,
/// <c>failTimes</c> (Errored that many runs, then Succeeded), <c>output</c> (an object), and
/// <c>advanceSeconds</c> (moves the fake clock during the run), <c>write</c> ({path, content}: a file in
/// the work directory) and <c>export</c> ({path, to}: copies a work file out). It counts runs per <c>id</c>.
/// </summary>
internal sealed class ScriptedStep(Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null) : IPromotionStep
{
    public ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

    public string Kind => "scripted";

    public bool HasSideEffects => false;

    public Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        var id = config["id"]?.GetValue<string>() ?? "";
        var run = Runs.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (config["advanceSeconds"] is { } advance)
        {
            time?.Advance(TimeSpan.FromSeconds(advance.GetValue<double>()));
        }
        if (config["write"] is JsonObject write)
        {
            var target = Path.Combine(context.WorkDirectory, write["path"]!.GetValue<string>());
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, write["content"]!.GetValue<string>());
        }
        if (config["export"] is JsonObject export)
        {
            File.Copy(Path.Combine(context.WorkDirectory, export["path"]!.GetValue<string>()), export["to"]!.GetValue<string>(), overwrite: true);
        }
        var output = config["output"] is JsonObject o ? o.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) : null;
        var message = config["message"]?.GetValue<string>();
        if (config["failTimes"] is { } failTimes && run <= failTimes.GetValue<double>())
        {
            return Task.FromResult(StepResult.Errored(message ?? "transient", terminal: false));
        }
        var terminal = config["terminal"]?.GetValue<bool>() ?? false;
        var retryAfter = config["retryAfterSeconds"] is { } r ? TimeSpan.FromSeconds(r.GetValue<double>()) : (TimeSpan?)null;
        return Task.FromResult((config["status"]?.GetValue<string>() ?? "Succeeded") switch
        {
            "Failed" => StepResult.Failed(message ?? "failed", terminal),
            "Errored" => StepResult.Errored(message ?? "errored", terminal),
            "Running" => StepResult.Running(retryAfter, message),
            _ => StepResult.Succeeded(output, message),
        });
    }
}
