namespace Barge.Server.Ui.Graph;

/// <summary>What a node of the pipeline graph stands for.</summary>
public enum GraphNodeKind
{
    /// <summary>A Warehouse: an origin of Freight; always in the first layer.</summary>
    Warehouse,

    /// <summary>A Stage, placed one layer right of its deepest upstream.</summary>
    Stage,
}
