using Barge.Resources.Model;
using Barge.Resources.Validation;

namespace Barge.Resources.Tests.Validation;

/// <summary>A stored set for batch validation tests.</summary>
internal sealed class InMemoryLookup(IEnumerable<Resource> stored) : IResourceLookup
{
    private readonly List<Resource> resources = [.. stored];

    public ValueTask<Resource?> GetAsync(string kind, string project, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(resources.FirstOrDefault(r => r.Kind == kind && r.Project == project && r.Name == name));

    public ValueTask<string?> FindFreightByAliasAsync(string project, string alias, CancellationToken cancellationToken) =>
        ValueTask.FromResult(resources.OfType<Freight>().FirstOrDefault(f => f.Project == project && f.Alias == alias)?.Name);
}
