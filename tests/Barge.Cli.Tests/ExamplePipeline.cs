using Barge.Testing.Grommet;

namespace Barge.Cli.Tests;

/// <summary>examples/grommet/pipeline.yaml with its placeholders filled, written where a test wants it.</summary>
internal static class ExamplePipeline
{
    public static string Path => GrommetExample.Path;

    public static string Text() => GrommetExample.Offline();

    public static string WriteTo(string directory, string? text = null)
    {
        var file = System.IO.Path.Combine(directory, "pipeline.yaml");
        File.WriteAllText(file, text ?? Text());
        return file;
    }
}
