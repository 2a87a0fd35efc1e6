using Barge.Resources.Model;

namespace Barge.Engine.Templating;

/// <summary>A <c>stepMetas</c> entry with Kargo's Go field names (<c>.Status</c>, <c>.ErrorCount</c>, …).</summary>
internal sealed record ExprStepMetadata(string Alias, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long ErrorCount, string Status, string Message, bool ContinueOnError)
{
    public static ExprStepMetadata From(StepExecutionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new(metadata.Alias ?? "", metadata.StartedAt, metadata.FinishedAt, metadata.ErrorCount,
            metadata.Status?.ToString() ?? "", metadata.Message ?? "", metadata.ContinueOnError);
    }
}
