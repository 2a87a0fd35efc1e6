using System.Reflection;
using Xunit;

namespace Barge.Cli.Tests.Architecture;

/// <summary>
/// Keeps DESIGN.md's dependency direction: Resources and Expressions depend on no other Barge
/// assembly; Storage on neither Engine, Server nor Cli; Engine on neither Server nor Cli; Server not
/// on Cli. Read from the compiled assemblies' references, so a stray project reference fails here.
/// </summary>
public sealed class DependencyRulesTests
{
    public static TheoryData<string, string[]> AllowedBargeReferences => new()
    {
        { "Barge.Resources", [] },
        { "Barge.Expressions", [] },
        { "Barge.Storage", ["Barge.Resources"] },
        { "Barge.Engine", ["Barge.Resources", "Barge.Expressions", "Barge.Storage"] },
        { "Barge.Server", ["Barge.Resources", "Barge.Expressions", "Barge.Storage", "Barge.Engine"] },
        { "barge", ["Barge.Resources", "Barge.Expressions", "Barge.Storage", "Barge.Engine", "Barge.Server"] },
    };

    [Theory]
    [MemberData(nameof(AllowedBargeReferences))]
    public void Assembly_ReferencesOnlyWhatTheDesignAllows(string assemblyName, string[] allowed)
    {
        var assembly = Assembly.Load(assemblyName);
        var bargeReferences = assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Barge.", StringComparison.Ordinal) || name == "barge")
            .ToList();

        var forbidden = bargeReferences.Except(allowed).ToList();

        Assert.True(forbidden.Count == 0, $"{assemblyName} references {string.Join(", ", forbidden)}, which DESIGN.md's dependency direction forbids");
    }

    [Fact]
    public void PromotionSteps_AreInternalSealedAndOnePerFile()
    {
        var engine = Assembly.Load("Barge.Engine");
        var stepInterface = engine.GetType("Barge.Engine.Promotion.IPromotionStep", throwOnError: true)!;
        var steps = engine.GetTypes().Where(t => stepInterface.IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();

        Assert.NotEmpty(steps);
        Assert.All(steps, step =>
        {
            Assert.False(step.IsPublic, $"{step.Name} should be internal");
            Assert.True(step.IsSealed, $"{step.Name} should be sealed");
            Assert.EndsWith("Step", step.Name, StringComparison.Ordinal);
            var file = Path.Combine(Barge.Testing.RepoPaths.Root, "src", "Barge.Engine", "Promotion", "Steps", step.Name + ".cs");
            Assert.True(File.Exists(file), $"{step.Name} should live in its own file {file}");
        });
    }
}
