using Barge.Resources.Identity;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>
/// Fills in what Kargo's CRD defaults and defaulting webhooks fill in, so stored objects carry their
/// effective values: Warehouse interval, creation policy and subscription defaults
/// (<c>ApplySubscriptionDefaults</c>), shard labels, Secret type, and for Freight its computed ID as
/// name, the alias label and <c>discoveredAt</c>. Never overwrites a value the user set (except a
/// Freight's name, which Kargo always recomputes).
/// </summary>
public static class ResourceDefaults
{
    /// <summary>Default Warehouse discovery interval.</summary>
    public const string DefaultInterval = "5m0s";

    /// <summary>Default number of artifacts a subscription discovers.</summary>
    public const int DefaultDiscoveryLimit = 20;

    /// <summary>The resource with defaults applied; <paramref name="time"/> supplies "now" for Freight's discoveredAt.</summary>
    public static Resource Apply(Resource resource, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(time);
        return resource switch
        {
            Warehouse warehouse => Warehouse(warehouse),
            Stage stage => WithShardLabel(stage, stage.Spec?.Shard),
            Freight freight => Freight(freight, time),
            Secret secret when string.IsNullOrEmpty(secret.Type) => secret with { Type = "Opaque" },
            _ => resource,
        };
    }

    private static Warehouse Warehouse(Warehouse warehouse)
    {
        if (warehouse.Spec is not { } spec)
        {
            return warehouse;
        }
        var subscriptions = spec.Subscriptions?.Select(s => s with
        {
            Git = s.Git is null ? null : s.Git with
            {
                CommitSelectionStrategy = s.Git.CommitSelectionStrategy ?? CommitSelectionStrategy.NewestFromBranch,
                StrictSemvers = s.Git.StrictSemvers ?? true,
                DiscoveryLimit = s.Git.DiscoveryLimit ?? DefaultDiscoveryLimit,
            },
            Image = s.Image is null ? null : s.Image with
            {
                ImageSelectionStrategy = s.Image.ImageSelectionStrategy ?? ImageSelectionStrategy.SemVer,
                StrictSemvers = s.Image.StrictSemvers ?? true,
                DiscoveryLimit = s.Image.DiscoveryLimit ?? DefaultDiscoveryLimit,
            },
            Chart = s.Chart is null ? null : s.Chart with
            {
                DiscoveryLimit = s.Chart.DiscoveryLimit ?? DefaultDiscoveryLimit,
            },
        }).ToList();
        var defaulted = warehouse with
        {
            Spec = spec with
            {
                Interval = string.IsNullOrEmpty(spec.Interval) ? DefaultInterval : spec.Interval,
                FreightCreationPolicy = spec.FreightCreationPolicy ?? FreightCreationPolicy.Automatic,
                Subscriptions = subscriptions,
            },
        };
        return WithShardLabel(defaulted, spec.Shard);
    }

    private static Freight Freight(Freight freight, TimeProvider time)
    {
        var defaulted = freight with
        {
            Metadata = freight.Metadata with { Name = FreightId.Compute(freight) },
            DiscoveredAt = freight.DiscoveredAt ?? freight.Metadata.CreationTimestamp ?? time.GetUtcNow(),
        };
        return FreightAliases.SyncLabel(defaulted);
    }

    private static T WithShardLabel<T>(T resource, string? shard)
        where T : Resource
    {
        var labels = resource.Metadata.Labels;
        var current = labels?.GetValueOrDefault(KargoApi.ShardLabel);
        if (string.IsNullOrEmpty(shard))
        {
            if (current is null)
            {
                return resource;
            }
            var without = new Dictionary<string, string>(labels!, StringComparer.Ordinal);
            without.Remove(KargoApi.ShardLabel);
            return resource with { Metadata = resource.Metadata with { Labels = without.Count == 0 ? null : without } };
        }
        if (current == shard)
        {
            return resource;
        }
        var with = new Dictionary<string, string>(labels ?? [], StringComparer.Ordinal) { [KargoApi.ShardLabel] = shard };
        return resource with { Metadata = resource.Metadata with { Labels = with } };
    }
}
