using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps;

/// <summary>Runs a registered built-in step on a work directory with a JSON configuration.</summary>
internal static class StepRun
{
    private static readonly PromotionStepRegistry Registry = PromotionStepRegistry.CreateBuiltin();

    public static Task<StepResult> RunAsync(string kind, string work, string config, CancellationToken cancellationToken = default) =>
        RunAsync(kind, StepContext.ForWorkDirectory(work), config, cancellationToken);

    public static async Task<StepResult> RunAsync(string kind, StepContext context, string config, CancellationToken cancellationToken = default)
    {
        Assert.True(Registry.TryGet(kind, out var step), $"step {kind} is not registered");
        return await step.RunAsync(context, JsonNode.Parse(config)!.AsObject(), cancellationToken);
    }

    /// <summary>Removes every symlink below <paramref name="root"/>, walking by hand so no link is ever followed.</summary>
    public static void RemoveLinks(string root)
    {
        if (!Directory.Exists(root) || new FileInfo(root).LinkTarget is not null)
        {
            return;
        }
        foreach (var entry in Directory.GetFileSystemEntries(root))
        {
            if (new FileInfo(entry).LinkTarget is not null)
            {
                File.Delete(entry);
            }
            else if (Directory.Exists(entry))
            {
                RemoveLinks(entry);
            }
        }
    }
}
