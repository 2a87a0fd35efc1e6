namespace Barge.Engine.Promotion;

/// <summary>
/// File access shared by the file-editing steps: bounded reads, Go-style error texts (Kargo's messages
/// quote Go's <c>open …: no such file or directory</c>), and the rule that no step writes into git metadata.
/// </summary>
internal static class StepFiles
{
    /// <summary>The largest file a step reads into memory (64 MiB).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Reads a whole file as UTF-8, or returns an error text in Go's <c>op path: reason</c> form.</summary>
    public static async Task<FileText> TryReadTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                return new FileText(null, $"read {path}: is a directory");
            }
            if (info.Exists && info.Length > MaxFileBytes)
            {
                return new FileText(null, $"read {path}: file is {info.Length} bytes, larger than the limit of {MaxFileBytes} bytes");
            }
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return new FileText(System.Text.Encoding.UTF8.GetString(bytes), "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileText(null, Describe("open", path, ex));
        }
    }

    /// <summary>Writes a whole file as UTF-8 (no byte-order mark), or returns an error text.</summary>
    public static async Task<string?> TryWriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllBytesAsync(path, System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Describe("open", path, ex);
        }
    }

    /// <summary>Go's wording of a file-system error: <c>&lt;op&gt; &lt;path&gt;: no such file or directory</c>.</summary>
    public static string Describe(string operation, string path, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = exception switch
        {
            FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
            UnauthorizedAccessException => "permission denied",
            _ => exception.Message,
        };
        return $"{operation} {path}: {reason}";
    }

    /// <summary>
    /// True when <paramref name="fullPath"/> (inside <paramref name="root"/>) is a <c>.git</c> entry or
    /// lies below one: git metadata of a checkout is never a step's write target.
    /// </summary>
    public static bool IsInGitMetadata(string root, string fullPath)
    {
        var relative = SafePath.Relative(root, fullPath);
        return relative.Split('/').Any(part => part == ".git");
    }

    /// <summary>The error text for a write target inside git metadata.</summary>
    public static string GitMetadataError(string path) =>
        $"path \"{path}\" is inside git metadata (.git); steps may not write there";
}
