using Barge.Resources.Manifests;
using Barge.Testing;

namespace Barge.Resources.Tests;

/// <summary>Shared inputs: the project's own grommet example pipeline with its placeholders filled in.</summary>
internal static class TestManifests
{
    public static string GrommetPath => Path.Combine(RepoPaths.Root, "examples", "grommet", "pipeline.yaml");

    public static string Grommet() =>
        File.ReadAllText(GrommetPath)
            .Replace("{{SOURCE_REPO}}", "http://127.0.0.1:9418/grommet.git", StringComparison.Ordinal)
            .Replace("{{CONFIG_REPO}}", "http://127.0.0.1:9418/grommet-config.git", StringComparison.Ordinal)
            .Replace("{{IMAGE_REPO}}", "localhost:5000/grommet", StringComparison.Ordinal);

    public static ManifestReadResult Read(string yaml, ManifestReaderOptions? options = null) =>
        new ManifestReader(options).ReadText(yaml, "test.yaml");

    public static string Errors(ManifestReadResult result) => string.Join("\n", result.Errors.Select(e => e.ToString()));
}
