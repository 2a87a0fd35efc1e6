using Barge.Resources.Model;

namespace Barge.Engine.Templating;

/// <summary>
/// The step being evaluated and what earlier steps did, as the status functions (<c>success()</c>,
/// <c>failure()</c>, <c>status(alias)</c>) see them. The engine moves it from step to step.
/// </summary>
internal sealed class StepScope
{
    private IReadOnlyList<StepExecutionMetadata> _metadata = [];

    /// <summary>The alias of the step being evaluated ("" before the first step).</summary>
    public string Alias { get; private set; } = "";

    public void Enter(string alias, IReadOnlyList<StepExecutionMetadata> metadata)
    {
        Alias = alias;
        _metadata = metadata;
    }

    /// <summary>True if an earlier step that does not continue on error is Errored or Failed.</summary>
    public bool AnyFailure() => _metadata.Any(m => m.Alias != Alias && !m.ContinueOnError && m.Status is StepStatus.Errored or StepStatus.Failed);

    /// <summary>The status of <paramref name="alias"/> in the current task namespace, or "".</summary>
    public string StatusOf(string alias)
    {
        var separator = Alias.IndexOf(Promotion.StepInflater.AliasSeparator, StringComparison.Ordinal);
        var full = separator < 0 ? alias : Alias[..(separator + Promotion.StepInflater.AliasSeparator.Length)] + alias;
        var found = _metadata.FirstOrDefault(m => m.Alias == full);
        return found?.Status?.ToString() ?? "";
    }
}
