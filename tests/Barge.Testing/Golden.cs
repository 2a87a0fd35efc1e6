using Xunit;

namespace Barge.Testing;

/// <summary>
/// Golden-file comparison. With <c>UPDATE_GOLDEN=1</c> the expected file is (re)written from the
/// actual text instead of compared, so a reviewed change of output is one command away.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>Compares <paramref name="actual"/> with the file at <paramref name="expectedPath"/> (newlines normalised).</summary>
    public static void AssertMatches(string expectedPath, string actual)
    {
        var normalised = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, normalised);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"golden file {expectedPath} is missing (run with UPDATE_GOLDEN=1 to create it)");
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, normalised);
    }

    /// <summary>The source folder of a test project (for golden files kept next to the tests).</summary>
    public static string SourceFolder(string testProjectName) => Path.Combine(RepoPaths.Root, "tests", testProjectName);
}
