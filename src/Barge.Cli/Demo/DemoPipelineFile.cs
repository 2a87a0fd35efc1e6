using System.Text;

namespace Barge.Cli.Demo;

/// <summary>
/// The project's grommet pipeline (<c>examples/grommet/pipeline.yaml</c>, carried in the binary) with its
/// placeholders filled in, and — when there is no registry — its image lines removed: the image
/// subscriptions, the <c>artifactoryRepo</c> variable and the <c>imageTag</c> update.
/// </summary>
internal static class DemoPipelineFile
{
    private const string ResourceName = "Barge.Cli.Demo.grommet-pipeline.yaml";

    /// <summary>The lines that start a block to drop when there are no images (the block is the line and everything indented under it).</summary>
    private static readonly string[] ImageBlocks = ["- image:", "- name: artifactoryRepo", "- key: imageTag"];

    public static string Template()
    {
        using var stream = typeof(DemoPipelineFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the barge binary");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The pipeline to apply; <paramref name="imageRepo"/> null drops the image lines.</summary>
    public static string Render(string template, string sourceRepo, string configRepo, string? imageRepo)
    {
        ArgumentNullException.ThrowIfNull(template);
        var text = imageRepo is null ? WithoutImages(template) : template.Replace("{{IMAGE_REPO}}", imageRepo, StringComparison.Ordinal);
        text = text
            .Replace("{{SOURCE_REPO}}", sourceRepo, StringComparison.Ordinal)
            .Replace("{{CONFIG_REPO}}", configRepo, StringComparison.Ordinal);
        var leftover = text.Split('\n').FirstOrDefault(l => !l.TrimStart().StartsWith('#') && l.Contains("{{", StringComparison.Ordinal) && !l.Contains("${{", StringComparison.Ordinal));
        if (leftover is not null)
        {
            throw new InvalidOperationException($"the grommet pipeline still has a placeholder after filling it in: {leftover.Trim()}");
        }
        return text;
    }

    /// <summary>Drops every image block; the rest of the file is kept byte for byte.</summary>
    public static string WithoutImages(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var output = new StringBuilder("# barge demo: no registry, so the image subscriptions and the imageTag update are left out.\n");
        int? droppingIndent = null;
        foreach (var line in template.Split('\n'))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            var content = line.Trim();
            if (droppingIndent is { } open && (content.Length == 0 || indent > open))
            {
                continue;
            }
            droppingIndent = null;
            if (ImageBlocks.Contains(content, StringComparer.Ordinal))
            {
                droppingIndent = indent;
                continue;
            }
            output.Append(line).Append('\n');
        }
        var text = output.ToString();
        return text.EndsWith("\n\n", StringComparison.Ordinal) && !template.EndsWith("\n\n", StringComparison.Ordinal) ? text[..^1] : text;
    }
}
