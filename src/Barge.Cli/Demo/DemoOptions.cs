namespace Barge.Cli.Demo;

/// <summary>The demo's folder (repositories, pipeline file and <c>home/</c>, its BARGE_HOME), whether it is kept, and the registry to push to.</summary>
internal sealed record DemoOptions(string Root, bool Keep, RegistryEndpoint? Registry)
{
    public string Home => Path.Combine(Root, "home");

    public string PipelineFile => Path.Combine(Root, "pipeline.yaml");
}
