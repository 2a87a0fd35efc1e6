namespace Barge.Testing;

/// <summary>A fresh directory under the test scratch folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string? prefix = null)
    {
        var parent = Environment.GetEnvironmentVariable("BARGE_TEST_SCRATCH");
        if (string.IsNullOrEmpty(parent) || !Directory.Exists(parent))
        {
            parent = System.IO.Path.GetTempPath();
        }
        Path = System.IO.Path.Combine(parent, (prefix ?? "t") + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            // Never touch attributes or follow links while cleaning up: tests create symlinks that point
            // outside the folder (even at /etc), and Directory.Delete removes links without following them.
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover scratch folder is not a test failure; test.sh removes the whole scratch root.
        }
    }
}
