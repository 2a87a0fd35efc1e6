using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>delete</c>: removes files, directories and symlinks (never a link's target) named literally or by
/// glob. Every entry is resolved before anything is deleted; an entry that would leave the work
/// directory, directly or through a symlinked parent, is an error. Beyond Kargo, git metadata is
/// protected: a literal entry inside <c>.git</c> fails and glob matches inside <c>.git</c> are skipped.
/// </summary>
internal sealed class DeleteStep : IPromotionStep
{
    private const string Traversal = "path attempts to traverse outside the working directory";

    public string Kind => "delete";

    public bool HasSideEffects => false;

    private sealed record Config(IReadOnlyList<string> Entries, bool Globs, bool Strict);

    public Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        var cfg = Bind(errors, config);
        if (cfg is null)
        {
            return Task.FromResult(errors.ToResult());
        }
        var root = SafePath.RealPath(context.WorkDirectory) ?? Path.GetFullPath(context.WorkDirectory);
        var targets = new List<string>();
        foreach (var entry in cfg.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!cfg.Globs)
            {
                var (target, error) = Resolve(root, entry, entry);
                if (error is not null)
                {
                    return Task.FromResult(StepResult.Errored(error));
                }
                if (target is not null && StepFiles.IsInGitMetadata(root, target))
                {
                    return Task.FromResult(StepResult.Failed(StepFiles.GitMetadataError(entry)));
                }
                if (target is null)
                {
                    if (cfg.Strict)
                    {
                        return Task.FromResult(StepResult.Errored($"path \"{entry}\" does not exist"));
                    }
                    continue;
                }
                targets.Add(target);
                continue;
            }
            var pattern = entry.StartsWith("./", StringComparison.Ordinal) ? entry[2..] : entry;
            if (GlobPattern.TryParse(pattern) is not { } glob)
            {
                return Task.FromResult(StepResult.Errored($"invalid glob pattern \"{entry}\": syntax error in pattern", terminal: true));
            }
            var matches = glob.Matches(root);
            if (matches.Count == 0 && cfg.Strict)
            {
                return Task.FromResult(StepResult.Errored($"no paths matched pattern \"{entry}\""));
            }
            // A pattern never reaches into git metadata: matches there are left alone.
            foreach (var match in matches.Where(m => !m.Split('/').Contains(".git")))
            {
                var (target, error) = Resolve(root, match, entry);
                if (error is not null)
                {
                    return Task.FromResult(StepResult.Errored(error));
                }
                if (target is not null)
                {
                    targets.Add(target);
                }
            }
        }
        foreach (var target in targets.Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (new FileInfo(target).LinkTarget is null && Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }
                else if (SafePath.EntryExists(target))
                {
                    File.Delete(target);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Task.FromResult(StepResult.Errored("failed to delete: " + StepFiles.Describe("remove", SafePath.Relative(root, target), ex)));
            }
        }
        return Task.FromResult(StepResult.Succeeded());
    }

    /// <summary>The absolute target of an entry, null when it is missing, or an error when it escapes.</summary>
    private static (string? Target, string? Error) Resolve(string root, string entry, string shown)
    {
        var cleaned = Path.GetFullPath(Path.Combine(root, entry.TrimStart('/')));
        if (!SafePath.IsInside(root, cleaned) || Path.TrimEndingDirectorySeparator(cleaned) == root)
        {
            return (null, $"could not resolve path \"{shown}\": {Traversal}");
        }
        cleaned = Path.TrimEndingDirectorySeparator(cleaned);
        var parent = SafePath.RealPath(Path.GetDirectoryName(cleaned)!);
        if (parent is null)
        {
            return (null, null);
        }
        if (!SafePath.IsInside(root, parent))
        {
            return (null, $"could not resolve path \"{shown}\": {Traversal}");
        }
        var target = Path.Combine(parent, Path.GetFileName(cleaned));
        return SafePath.EntryExists(target) ? (target, null) : (null, null);
    }

    private static Config? Bind(StepConfigErrors errors, JsonObject json)
    {
        var root = errors.Root(json);
        root.AllowOnly("path", "paths", "pathsAreGlobs", "strict");
        if (root.Has("path") == root.Has("paths"))
        {
            root.Add("Must validate one and only one schema (oneOf)");
        }
        var path = root.String("path", minLength: 1);
        var paths = root.StringArray("paths", minItems: 1, minLength: 1);
        var globs = root.Bool("pathsAreGlobs") ?? false;
        var strict = root.Bool("strict") ?? false;
        if (errors.Any)
        {
            return null;
        }
        var entries = new List<string>();
        if (path is not null)
        {
            entries.Add(path);
        }
        entries.AddRange(paths ?? []);
        return new Config(entries, globs, strict);
    }
}
