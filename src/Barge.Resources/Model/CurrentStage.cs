namespace Barge.Resources.Model;

/// <summary>Presence of Freight in a Stage.</summary>
public sealed record CurrentStage
{
    /// <summary>When the Freight entered the Stage.</summary>
    public DateTimeOffset? Since { get; init; }
}
