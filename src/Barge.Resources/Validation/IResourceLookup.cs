using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>
/// Read access to what is already stored, for the rules that span documents. The store implements it;
/// tests use an in-memory list.
/// </summary>
public interface IResourceLookup
{
    /// <summary>The stored resource of <paramref name="kind"/> named <paramref name="name"/> in <paramref name="project"/> ("" for cluster-scoped kinds), or null.</summary>
    ValueTask<Resource?> GetAsync(string kind, string project, string name, CancellationToken cancellationToken);

    /// <summary>The name of the stored Freight in <paramref name="project"/> whose alias is <paramref name="alias"/>, or null.</summary>
    ValueTask<string?> FindFreightByAliasAsync(string project, string alias, CancellationToken cancellationToken);
}
