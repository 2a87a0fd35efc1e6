using Xunit;

namespace Barge.Testing;

/// <summary>
/// A fact over the shared conformance vectors (and the shared scenarios next to them). Where the
/// folder is absent — a clone outside this workplace — the test is reported as skipped with the
/// reason, so the run says what it did not check while the project's own tests still run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (RepoPaths.ConformanceDirectory is null)
        {
            Skip = "conformance vectors not found: ../shared/conformance is absent (set BARGE_CONFORMANCE_DIR)";
        }
    }
}

/// <summary>The theory form of <see cref="ConformanceFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (RepoPaths.ConformanceDirectory is null)
        {
            Skip = "conformance vectors not found: ../shared/conformance is absent (set BARGE_CONFORMANCE_DIR)";
        }
    }
}
