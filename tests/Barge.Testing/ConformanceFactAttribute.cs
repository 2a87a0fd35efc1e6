using Xunit;

namespace Barge.Testing;

/// <summary>
/// A fact over the shared conformance vectors. Where the folder is absent (a clone outside this
/// workplace) and not under CI, the test is reported as skipped with the reason; under CI it runs
/// and fails, so a missing folder never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (RepoPaths.ConformanceDirectory is null && !RepoPaths.UnderCi)
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
        if (RepoPaths.ConformanceDirectory is null && !RepoPaths.UnderCi)
        {
            Skip = "conformance vectors not found: ../shared/conformance is absent (set BARGE_CONFORMANCE_DIR)";
        }
    }
}
