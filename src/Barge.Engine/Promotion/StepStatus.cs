namespace Barge.Engine.Promotion;

/// <summary>The outcome of one run of a step, with Kargo's names.</summary>
internal enum StepStatus
{
    Succeeded,
    Skipped,
    Running,
    Failed,
    Errored,
}
