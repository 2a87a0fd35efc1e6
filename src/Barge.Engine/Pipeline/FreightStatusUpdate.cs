using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>A Freight status the reconciler must write.</summary>
/// <param name="Freight">The Freight's name.</param>
/// <param name="Status">Its new status.</param>
public sealed record FreightStatusUpdate(string Freight, FreightStatus Status);
