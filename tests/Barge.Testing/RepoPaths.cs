namespace Barge.Testing;

/// <summary>Where the repository and the shared conformance vectors are, seen from a running test.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>Barge.slnx</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>
    /// The shared conformance vectors: <c>$BARGE_CONFORMANCE_DIR</c> when set, otherwise
    /// <c>../shared/conformance</c> next to the repository. Null when neither exists.
    /// </summary>
    public static string? ConformanceDirectory
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("BARGE_CONFORMANCE_DIR");
            if (!string.IsNullOrEmpty(fromEnv))
            {
                return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
            }
            var sibling = Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));
            return Directory.Exists(sibling) ? sibling : null;
        }
    }

    /// <summary>True under CI (<c>CI</c> set to anything but false/0), where missing services and vectors fail.</summary>
    public static bool UnderCi
    {
        get
        {
            var ci = Environment.GetEnvironmentVariable("CI");
            return !string.IsNullOrEmpty(ci) && ci != "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>A conformance file by its path relative to the conformance folder; fails the test when absent.</summary>
    public static string Conformance(string relativePath)
    {
        var dir = ConformanceDirectory
            ?? throw new InvalidOperationException("the conformance folder ../shared/conformance is not present (set BARGE_CONFORMANCE_DIR)");
        return Path.Combine(dir, relativePath);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Barge.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Barge.slnx not found above " + AppContext.BaseDirectory);
    }
}
