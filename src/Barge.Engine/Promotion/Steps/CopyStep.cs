using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>copy</c>: copies a file, or a directory recursively (merging into an existing one), inside the
/// work directory. gitignore-style <c>ignore</c> rules apply below a copied directory, with <c>.git</c>
/// excluded by default; symlinks are skipped; permission bits are kept.
/// </summary>
internal sealed class CopyStep : IPromotionStep
{
    public string Kind => "copy";

    public bool HasSideEffects => false;

    private sealed record Config(string InPath, string OutPath, string? Ignore)
    {
        public static Config? Bind(StepConfigErrors errors, JsonObject json)
        {
            var root = errors.Root(json);
            root.Require("inPath", "outPath");
            root.AllowOnly("inPath", "outPath", "ignore");
            var inPath = root.String("inPath", minLength: 1);
            var outPath = root.String("outPath", minLength: 1);
            var ignore = root.String("ignore", minLength: 1);
            return errors.Any || inPath is null || outPath is null ? null : new Config(inPath, outPath, ignore);
        }
    }

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        if (Config.Bind(errors, config) is not { } cfg)
        {
            return errors.ToResult();
        }
        var (inPath, outPath, ignore) = cfg;
        var failure = $"failed to copy \"{inPath}\" to \"{outPath}\": ";
        string source, target;
        try
        {
            source = SafePath.Join(context.WorkDirectory, inPath);
            target = SafePath.Join(context.WorkDirectory, outPath);
        }
        catch (IOException ex)
        {
            return StepResult.Errored(failure + ex.Message);
        }
        if (StepFiles.IsInGitMetadata(context.WorkDirectory, target))
        {
            return StepResult.Failed(failure + StepFiles.GitMetadataError(outPath));
        }
        var work = context.WorkDirectory;
        try
        {
            if (Directory.Exists(source))
            {
                await CopyDirectoryAsync(source, target, [], new IgnoreRules(ignore), cancellationToken);
            }
            else if (File.Exists(source))
            {
                await CopyFileAsync(source, target, cancellationToken);
            }
            else
            {
                return StepResult.Errored(failure + $"lstat {SafePath.Relative(work, source)}: no such file or directory");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StepResult.Errored(failure + ex.Message.Replace(work + "/", "", StringComparison.Ordinal));
        }
        return StepResult.Succeeded();
    }

    private static async Task CopyDirectoryAsync(string from, string to, List<string> relative, IgnoreRules rules, CancellationToken cancellationToken)
    {
        if (new DirectoryInfo(to).LinkTarget is not null)
        {
            // Writing through a symlinked directory could land outside the work directory.
            throw new IOException($"mkdir {to}: destination is a symbolic link");
        }
        Directory.CreateDirectory(to);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(from).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(entry);
            if (new FileInfo(entry).LinkTarget is not null)
            {
                continue;
            }
            var isDirectory = Directory.Exists(entry);
            relative.Add(name);
            if (!rules.IsIgnored(relative, isDirectory))
            {
                if (isDirectory)
                {
                    await CopyDirectoryAsync(entry, Path.Combine(to, name), relative, rules, cancellationToken);
                }
                else
                {
                    await CopyFileAsync(entry, Path.Combine(to, name), cancellationToken);
                }
            }
            relative.RemoveAt(relative.Count - 1);
        }
    }

    private static async Task CopyFileAsync(string from, string to, CancellationToken cancellationToken)
    {
        if (Directory.Exists(to))
        {
            throw new IOException($"open {to}: is a directory");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        if (new FileInfo(to).LinkTarget is not null)
        {
            // Replace a symlink rather than write through it (its target may be outside the work directory).
            File.Delete(to);
        }
        await using (var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        await using (var output = new FileStream(to, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await input.CopyToAsync(output, cancellationToken);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        }
    }
}
