using Barge.Resources.Model;
using ModelStepStatus = Barge.Resources.Model.StepStatus;

namespace Barge.Engine.Promotion;

/// <summary>
/// Kargo's <c>DetermineFinalPhase</c>: the most severe step status, ignoring continue-on-error steps
/// (Succeeded 0 &lt; Skipped 1 &lt; Running 2 &lt; Aborted 3 &lt; Failed 4 &lt; Errored 5), mapped to a
/// Promotion phase, with that step's message.
/// </summary>
public static class FinalPhase
{
    public static (PromotionPhase Phase, string? Message) Determine(IEnumerable<StepExecutionMetadata> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        StepExecutionMetadata? worst = null;
        foreach (var step in steps)
        {
            if (step.ContinueOnError || step.Status is null)
            {
                continue;
            }
            if (worst is null || Severity(step.Status.Value) > Severity(worst.Status!.Value))
            {
                worst = step;
            }
        }
        if (worst is null)
        {
            return (PromotionPhase.Succeeded, null);
        }
        var phase = worst.Status switch
        {
            ModelStepStatus.Aborted => PromotionPhase.Aborted,
            ModelStepStatus.Failed => PromotionPhase.Failed,
            ModelStepStatus.Errored => PromotionPhase.Errored,
            ModelStepStatus.Running => PromotionPhase.Running,
            _ => PromotionPhase.Succeeded,
        };
        return (phase, phase == PromotionPhase.Succeeded ? null : worst.Message);
    }

    public static int Severity(ModelStepStatus status) => status switch
    {
        ModelStepStatus.Succeeded => 0,
        ModelStepStatus.Skipped => 1,
        ModelStepStatus.Running => 2,
        ModelStepStatus.Aborted => 3,
        ModelStepStatus.Failed => 4,
        _ => 5,
    };

    public static bool IsTerminal(PromotionPhase? phase) =>
        phase is PromotionPhase.Succeeded or PromotionPhase.Failed or PromotionPhase.Errored or PromotionPhase.Aborted;
}
