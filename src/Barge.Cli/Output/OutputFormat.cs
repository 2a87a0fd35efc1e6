namespace Barge.Cli.Output;

/// <summary>The <c>-o</c> formats of read commands.</summary>
internal enum OutputFormat
{
    /// <summary>Kargo's kubectl-style table (the default).</summary>
    Table,

    /// <summary>The table with extra columns.</summary>
    Wide,

    /// <summary>The resources as Kargo manifests in JSON (indented by 4, as Kargo's CLI).</summary>
    Json,

    /// <summary>The resources as Kargo manifests in YAML.</summary>
    Yaml,
}
