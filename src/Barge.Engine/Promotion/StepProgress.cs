using ModelStepStatus = Barge.Resources.Model.StepStatus;

namespace Barge.Engine.Promotion;

/// <summary>A step's status as it changes, for live display (<c>barge promote --wait</c>).</summary>
public sealed record StepProgress(int Index, int Count, string Alias, string Uses, ModelStepStatus Status, string? Message);
