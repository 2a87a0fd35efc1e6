namespace Barge.Testing.Grommet;

/// <summary>The project's example pipeline (examples/grommet/pipeline.yaml) with its repository placeholders filled in.</summary>
public static class GrommetExample
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Root, "examples", "grommet", "pipeline.yaml");

    /// <summary>The example with <c>{{SOURCE_REPO}}</c>, <c>{{CONFIG_REPO}}</c> and <c>{{IMAGE_REPO}}</c> replaced.</summary>
    public static string Render(string sourceRepo, string configRepo, string imageRepo) =>
        File.ReadAllText(Path)
            .Replace("{{SOURCE_REPO}}", sourceRepo, StringComparison.Ordinal)
            .Replace("{{CONFIG_REPO}}", configRepo, StringComparison.Ordinal)
            .Replace("{{IMAGE_REPO}}", imageRepo, StringComparison.Ordinal);

    /// <summary>The example pointing at hosts that do not exist: for tests that never reach a repository.</summary>
    public static string Offline() =>
        Render("https://git.example.com/grommet/source.git", "https://git.example.com/grommet/config.git", "registry.example.com/grommet/app");
}
