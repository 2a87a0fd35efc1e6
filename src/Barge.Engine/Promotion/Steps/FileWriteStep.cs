using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>file-write</c>: writes <c>contents</c> byte for byte to a relative path of the work directory,
/// refusing traversal, symlinks, git metadata, executable/world-writable/special modes and (unless
/// <c>overwrite</c>) an existing file. The mode is applied explicitly, also when overwriting.
/// </summary>
internal sealed partial class FileWriteStep : IPromotionStep
{
    public string Kind => "file-write";

    public bool HasSideEffects => false;

    private sealed record Config(string Path, string Contents, string Permissions, bool Overwrite)
    {
        public static Config? Bind(StepConfigErrors errors, JsonObject json)
        {
            var root = errors.Root(json);
            root.Require("path", "contents");
            root.AllowOnly("path", "contents", "permissions", "overwrite");
            var path = root.String("path", minLength: 1);
            var contents = root.String("contents");
            var permissions = root.String("permissions");
            if (permissions is not null && !PermissionPattern().IsMatch(permissions))
            {
                errors.Add(root.Field("permissions"), "Does not match pattern '^0[0-7]{3}$'");
            }
            var overwrite = root.Bool("overwrite");
            return errors.Any || path is null || contents is null
                ? null
                : new Config(path, contents, permissions ?? "0600", overwrite ?? false);
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
        if (cfg.Path.StartsWith('/'))
        {
            return StepResult.Failed($"path \"{cfg.Path}\" must be relative");
        }
        var cleaned = Clean(cfg.Path);
        if (cleaned == ".." || cleaned.StartsWith("../", StringComparison.Ordinal))
        {
            return StepResult.Failed($"path \"{cfg.Path}\" attempts to traverse outside the working directory");
        }
        if (cleaned == ".git" || cleaned.StartsWith(".git/", StringComparison.Ordinal))
        {
            return StepResult.Failed($"writing to the .git directory is forbidden: \"{cfg.Path}\"");
        }
        if (CheckMode(cfg.Permissions) is { } modeError)
        {
            return StepResult.Failed(modeError);
        }
        var mode = (UnixFileMode)Convert.ToInt32(cfg.Permissions, 8);
        string full;
        try
        {
            full = SafePath.Join(context.WorkDirectory, cfg.Path);
        }
        catch (IOException ex)
        {
            return StepResult.Failed($"path \"{cfg.Path}\" could not be resolved: {ex.Message}");
        }
        var relative = SafePath.Relative(context.WorkDirectory, full);
        if (relative != cleaned)
        {
            return StepResult.Failed($"path \"{cfg.Path}\" resolves to a different path \"{relative}\" (symlinks are forbidden)");
        }
        if (StepFiles.IsInGitMetadata(context.WorkDirectory, full))
        {
            // Kargo only catches a top-level .git; a nested checkout's metadata is protected too.
            return StepResult.Failed($"writing to the .git directory is forbidden: \"{cfg.Path}\"");
        }
        if (!cfg.Overwrite && SafePath.EntryExists(full))
        {
            return StepResult.Failed($"file \"{cfg.Path}\" already exists; set overwrite to true to replace it");
        }
        try
        {
            CreateParents(context.WorkDirectory, Path.GetDirectoryName(full)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StepResult.Errored($"error creating parent directories for \"{cfg.Path}\": {ex.Message}");
        }
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                // Created with the final mode so the contents are never readable more widely than asked.
                options.UnixCreateMode = mode;
            }
            await using var stream = new FileStream(full, options);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(cfg.Contents), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StepResult.Errored($"error writing file \"{cfg.Path}\": {StepFiles.Describe("open", cfg.Path, ex)}");
        }
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(full, mode);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StepResult.Errored($"error setting permissions on file \"{cfg.Path}\": {ex.Message}");
        }
        return StepResult.Succeeded();
    }

    private static string? CheckMode(string permissions)
    {
        int bits;
        try
        {
            bits = Convert.ToInt32(permissions, 8);
        }
        catch (FormatException)
        {
            return $"invalid permissions \"{permissions}\": must be an octal file mode";
        }
        if ((bits & 0xE00) != 0)
        {
            return $"permissions \"{permissions}\" must not include special mode bits";
        }
        if ((bits & 0b001_001_001) != 0)
        {
            return $"permissions \"{permissions}\" must not include executable bits";
        }
        return (bits & 0b000_000_010) != 0 ? $"permissions \"{permissions}\" must not be world-writable" : null;
    }

    private static void CreateParents(string root, string directory)
    {
        var missing = new Stack<string>();
        for (var d = directory; !Directory.Exists(d) && SafePath.IsInside(root, d); d = Path.GetDirectoryName(d)!)
        {
            missing.Push(d);
        }
        foreach (var d in missing)
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(d);
            }
            else
            {
                Directory.CreateDirectory(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>Go's <c>path.Clean</c> of a relative path.</summary>
    internal static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    [GeneratedRegex("^0[0-7]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PermissionPattern();
}
