using Barge.Resources.Model;

namespace Barge.Testing.Fixtures;

/// <summary>What <see cref="LargeProjectFixture"/> generated (and, from <c>WriteAsync</c>, stored).</summary>
public sealed record LargeProject(
    Project Project,
    IReadOnlyList<Warehouse> Warehouses,
    IReadOnlyList<Stage> Stages,
    IReadOnlyList<Freight> Freight);
