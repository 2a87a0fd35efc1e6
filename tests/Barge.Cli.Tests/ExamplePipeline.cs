using Barge.Testing;

namespace Barge.Cli.Tests;

/// <summary>examples/grommet/pipeline.yaml with its placeholders filled, written where a test wants it.</summary>
internal static class ExamplePipeline
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Root, "examples", "grommet", "pipeline.yaml");

    public static string Text() =>
        File.ReadAllText(Path)
            .Replace("{{SOURCE_REPO}}", "https://git.example.com/grommet/source.git", StringComparison.Ordinal)
            .Replace("{{CONFIG_REPO}}", "https://git.example.com/grommet/config.git", StringComparison.Ordinal)
            .Replace("{{IMAGE_REPO}}", "registry.example.com/grommet/app", StringComparison.Ordinal);

    public static string WriteTo(string directory, string? text = null)
    {
        var file = System.IO.Path.Combine(directory, "pipeline.yaml");
        File.WriteAllText(file, text ?? Text());
        return file;
    }
}
