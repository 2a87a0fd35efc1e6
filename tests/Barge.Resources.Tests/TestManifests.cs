using Barge.Resources.Manifests;
using Barge.Testing.Grommet;

namespace Barge.Resources.Tests;

/// <summary>Shared inputs: the project's own grommet example pipeline with its placeholders filled in.</summary>
internal static class TestManifests
{
    public static string GrommetPath => GrommetExample.Path;

    public static string Grommet() =>
        GrommetExample.Render("http://127.0.0.1:9418/grommet.git", "http://127.0.0.1:9418/grommet-config.git", "localhost:5000/grommet");

    public static ManifestReadResult Read(string yaml, ManifestReaderOptions? options = null) =>
        new ManifestReader(options).ReadText(yaml, "test.yaml");

    public static string Errors(ManifestReadResult result) => string.Join("\n", result.Errors.Select(e => e.ToString()));
}
