namespace Barge.Testing.Fixtures;

/// <summary>The shape of a <see cref="LargeProjectFixture"/> project. The defaults are the UI's scale target.</summary>
public sealed record LargeProjectOptions
{
    /// <summary>The project name. Default <c>large</c>.</summary>
    public string Project { get; init; } = "large";

    /// <summary>Applications; each has a builds and a release Warehouse. Default 50 (100 Warehouses).</summary>
    public int Applications { get; init; } = 50;

    /// <summary>Stages in total, spread over the applications (each gets dev, qa, staging and at least one prod). Default 1,000.</summary>
    public int Stages { get; init; } = 1000;

    /// <summary>Freight in total, spread evenly over the Warehouses. Default 10,000.</summary>
    public int Freight { get; init; } = 10_000;

    /// <summary>Seeds every choice, so one seed always gives the same project. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The newest Freight's discovery time; older Freight is spaced an hour apart before it.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Resources written per store transaction. Default 500.</summary>
    public int BatchSize { get; init; } = 500;
}
