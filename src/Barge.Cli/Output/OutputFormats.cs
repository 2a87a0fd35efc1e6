namespace Barge.Cli.Output;

internal static class OutputFormats
{
    public const string Supported = "table, wide, json, yaml";

    public static bool TryParse(string? text, out OutputFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "table":
                format = OutputFormat.Table;
                return true;
            case "wide":
                format = OutputFormat.Wide;
                return true;
            case "json":
                format = OutputFormat.Json;
                return true;
            case "yaml" or "yml":
                format = OutputFormat.Yaml;
                return true;
            default:
                format = OutputFormat.Table;
                return false;
        }
    }
}
