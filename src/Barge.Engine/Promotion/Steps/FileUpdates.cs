using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// The configuration shared by <c>yaml-update</c>, <c>json-update</c> and <c>toml-update</c>: a file
/// and the key/value updates to apply to it, in order.
/// </summary>
internal sealed record FileUpdates(string Path, IReadOnlyList<FileUpdate> Updates)
{
    /// <summary>Binds and validates the configuration with Kargo's schema messages.</summary>
    public static FileUpdates? Bind(StepConfigErrors errors, JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var root = errors.Root(config);
        root.Require("path", "updates");
        root.AllowOnly("path", "updates");
        var path = root.String("path", minLength: 1);
        var updates = new List<FileUpdate>();
        foreach (var item in root.ObjectArray("updates", minItems: 1) ?? [])
        {
            item.Require("key", "value");
            item.AllowOnly("key", "value");
            var key = item.String("key", minLength: 1);
            item.Json.TryGetPropertyValue("value", out var value);
            updates.Add(new FileUpdate(key ?? "", value));
        }
        return errors.Any || path is null ? null : new FileUpdates(path, updates);
    }

    /// <summary>
    /// Binds the configuration, joins its path inside the work directory (never into <c>.git</c>) and
    /// reads the file: the shared start of the three update steps.
    /// </summary>
    /// <param name="kind">The step kind, for configuration errors.</param>
    /// <param name="prefix">The step's error prefix (<c>JSON file update failed: </c>).</param>
    /// <param name="readError">The message for a read failure, from the configured path, the full path and the error.</param>
    public static async Task<(FileUpdateTarget? Target, StepResult? Failure)> OpenAsync(
        string kind,
        StepContext context,
        JsonObject config,
        string prefix,
        Func<string, string, string, string> readError,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(readError);
        var errors = new StepConfigErrors(kind);
        if (Bind(errors, config) is not { } cfg)
        {
            return (null, errors.ToResult());
        }
        string full;
        try
        {
            full = SafePath.Join(context.WorkDirectory, cfg.Path);
        }
        catch (IOException ex)
        {
            return (null, StepResult.Errored($"{prefix}error joining path \"{cfg.Path}\": {ex.Message}"));
        }
        if (StepFiles.IsInGitMetadata(context.WorkDirectory, full))
        {
            return (null, StepResult.Failed(prefix + StepFiles.GitMetadataError(cfg.Path)));
        }
        var (text, error) = await StepFiles.TryReadTextAsync(full, cancellationToken);
        if (text is null)
        {
            return (null, StepResult.Errored(readError(cfg.Path, full, error!)));
        }
        return (new FileUpdateTarget(cfg, full, text), null);
    }
}
