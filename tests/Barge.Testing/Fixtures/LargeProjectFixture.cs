using System.Globalization;
using System.Text.Json;
using Barge.Engine.Manifests;
using Barge.Resources.Identity;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Testing.Fixtures;

/// <summary>
/// One big, realistic project, deterministic from a seed: per application a builds Warehouse (git +
/// image) and a release Warehouse (image); Stages <c>dev</c> and <c>qa</c> requesting both origins,
/// <c>staging</c>, a canary <c>prod-00</c> and a wave of <c>prod-NN</c> requesting the release origin
/// downstream; Freight spread evenly over the Warehouses with <c>currentlyIn</c>, <c>verifiedIn</c> and
/// <c>approvedFor</c> marks that agree with every Stage's current Freight per origin.
/// </summary>
public static class LargeProjectFixture
{
    /// <summary>Builds the project in memory.</summary>
    public static LargeProject Generate(LargeProjectOptions? options = null)
    {
        options ??= new LargeProjectOptions();
        Validate(options);
        return new Generator(options).Run();
    }

    /// <summary>Generates the project and writes it into <paramref name="store"/> (the Project, then Warehouses, Stages and Freight in batches).</summary>
    public static async Task<LargeProject> WriteAsync(IResourceStore store, LargeProjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new LargeProjectOptions();
        var project = Generate(options);
        var resources = new List<NewResource> { ToNew(project.Project, null) };
        resources.AddRange(project.Warehouses.Select(w => ToNew(w, null)));
        resources.AddRange(project.Stages.Select(s => ToNew(s with { Status = null }, s.Status)));
        resources.AddRange(project.Freight.Select(f => ToNew(f with { Status = null }, f.Status)));
        foreach (var batch in resources.Chunk(options.BatchSize))
        {
            await store.ApplyAsync(batch.Select(r => (StoreOperation)new StoreOperation.Create(r)).ToList(), cancellationToken);
        }
        return project;
    }

    private static NewResource ToNew(Resource resource, object? status)
    {
        var key = resource.Project.Length == 0 ? ResourceKey.Cluster(resource.Kind, resource.Name) : new ResourceKey(resource.Kind, resource.Project, resource.Name);
        var manifest = ResourceSerializer.ToJsonNode(resource);
        return new NewResource(key, resource.ApiVersion, ManifestEnvelope.SpecOf(resource.Kind, manifest))
        {
            Status = status is null ? null : JsonSerializer.SerializeToElement(ResourceSerializer.ToJsonNode(status)),
        };
    }

    private static void Validate(LargeProjectOptions options)
    {
        var problems = new List<string>();
        if (options.Applications < 1)
        {
            problems.Add("Applications must be at least 1");
        }
        if (options.Stages < options.Applications * 4)
        {
            problems.Add($"Stages must be at least 4 per application ({options.Applications * 4})");
        }
        if (options.Freight < options.Applications * 2 * 4)
        {
            problems.Add($"Freight must be at least 4 per Warehouse ({options.Applications * 8})");
        }
        if (options.BatchSize < 1)
        {
            problems.Add("BatchSize must be at least 1");
        }
        if (problems.Count > 0)
        {
            throw new ArgumentException("Large project options: " + string.Join("; ", problems) + ".", nameof(options));
        }
    }

    private sealed class Generator(LargeProjectOptions options)
    {
        private readonly Random _random = new(options.Seed);
        private readonly string _project = options.Project;
        private readonly List<Warehouse> _warehouses = [];
        private readonly List<Stage> _stages = [];
        private readonly List<Freight> _freight = [];

        // Per Warehouse, its Freight oldest first, with the marks collected while Stages are placed.
        private readonly Dictionary<string, List<Freight>> _byWarehouse = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Marks> _marks = new(StringComparer.Ordinal);

        public LargeProject Run()
        {
            var apps = options.Applications;
            var perWarehouse = options.Freight / (apps * 2);
            var extraFreight = options.Freight - perWarehouse * apps * 2;
            var prods = Spread(options.Stages - apps * 3, apps);
            for (var a = 0; a < apps; a++)
            {
                var app = "app" + a.ToString("D2", CultureInfo.InvariantCulture);
                var builds = AddWarehouse(app + "-builds", app, release: false);
                var release = AddWarehouse(app + "-release", app, release: true);
                AddFreight(builds, app, perWarehouse + (a * 2 < extraFreight ? 1 : 0), release: false);
                AddFreight(release, app, perWarehouse + (a * 2 + 1 < extraFreight ? 1 : 0), release: true);
                AddStages(app, builds, release, prods[a]);
            }
            for (var index = 0; index < _freight.Count; index++)
            {
                var freight = _freight[index];
                var marks = _marks.GetValueOrDefault(freight.Name);
                _freight[index] = freight with
                {
                    Status = new FreightStatus
                    {
                        CurrentlyIn = marks?.CurrentlyIn.Count > 0 ? marks.CurrentlyIn : null,
                        VerifiedIn = marks?.VerifiedIn.Count > 0 ? marks.VerifiedIn : null,
                        ApprovedFor = marks?.ApprovedFor.Count > 0 ? marks.ApprovedFor : null,
                    },
                };
            }
            var project = new Project { Metadata = new ObjectMeta { Name = _project } };
            return new LargeProject(project, _warehouses, _stages, _freight);
        }

        private int[] Spread(int total, int buckets)
        {
            var counts = Enumerable.Repeat(1, buckets).ToArray();
            for (var i = buckets; i < total; i++)
            {
                counts[_random.Next(buckets)]++;
            }
            return counts;
        }

        private string AddWarehouse(string name, string app, bool release)
        {
            List<RepoSubscription> subscriptions = release
                ? [new RepoSubscription { Image = new ImageSubscription { RepoURL = $"registry.example.com/{app}" } }]
                :
                [
                    new RepoSubscription { Git = new GitSubscription { RepoURL = $"https://git.example.com/acme/{app}.git" } },
                    new RepoSubscription { Image = new ImageSubscription { RepoURL = $"registry.example.com/{app}-dev" } },
                ];
            _warehouses.Add(new Warehouse
            {
                Metadata = new ObjectMeta { Name = name, Namespace = _project },
                Spec = new WarehouseSpec { Subscriptions = subscriptions },
            });
            _byWarehouse[name] = [];
            return name;
        }

        private void AddFreight(string warehouse, string app, int count, bool release)
        {
            for (var i = 0; i < count; i++)
            {
                var discovered = options.Now - TimeSpan.FromHours(count - 1 - i);
                var freight = new Freight
                {
                    Alias = $"{warehouse}-{i:D4}",
                    Origin = new FreightOrigin { Kind = FreightOrigin.WarehouseKind, Name = warehouse },
                    DiscoveredAt = discovered,
                    Images =
                    [
                        new Image
                        {
                            RepoURL = release ? $"registry.example.com/{app}" : $"registry.example.com/{app}-dev",
                            Tag = release ? $"1.{i / 10}.{i % 10}" : $"0.0.0-build.{i}",
                            Digest = "sha256:" + Hex(32),
                        },
                    ],
                    Commits = release ? null : [new GitCommit { RepoURL = $"https://git.example.com/acme/{app}.git", Id = Hex(20), Branch = "main" }],
                };
                var name = FreightId.Compute(freight);
                freight = freight with { Metadata = new ObjectMeta { Name = name, Namespace = _project, CreationTimestamp = discovered } };
                _freight.Add(freight);
                _byWarehouse[warehouse].Add(freight);
            }
        }

        private void AddStages(string app, string builds, string release, int prodCount)
        {
            var newestBuild = _byWarehouse[builds].Count - 1;
            var newestRelease = _byWarehouse[release].Count - 1;
            var devBuild = newestBuild - _random.Next(3);
            var devRelease = newestRelease - _random.Next(2);
            AddStage(app + "-dev", autoPromote: true, [(builds, null, devBuild), (release, null, devRelease)]);
            var qaBuild = devBuild - _random.Next(4);
            var qaRelease = devRelease - _random.Next(2);
            AddStage(app + "-qa", autoPromote: false, [(builds, app + "-dev", qaBuild), (release, app + "-dev", qaRelease)]);
            var stagingRelease = qaRelease - _random.Next(2);
            AddStage(app + "-staging", autoPromote: false, [(release, app + "-qa", stagingRelease)]);
            var canary = stagingRelease - _random.Next(2);
            AddStage(app + "-prod-00", autoPromote: false, [(release, app + "-staging", canary)]);
            Approve(release, canary + 1, app + "-prod-00");
            for (var r = 1; r < prodCount; r++)
            {
                AddStage($"{app}-prod-{r:D2}", autoPromote: false, [(release, app + "-prod-00", canary - _random.Next(3))]);
            }
        }

        private void AddStage(string name, bool autoPromote, (string Warehouse, string? Upstream, int Index)[] requests)
        {
            var roll = _random.Next(100);
            var health = roll < 90 ? "Healthy" : roll < 96 ? "Progressing" : "Unhealthy";
            var items = new Dictionary<string, FreightReference>(StringComparer.Ordinal);
            var requested = new List<FreightRequest>();
            foreach (var (warehouse, upstream, index) in requests)
            {
                var origin = new FreightOrigin { Kind = FreightOrigin.WarehouseKind, Name = warehouse };
                requested.Add(new FreightRequest
                {
                    Origin = origin,
                    Sources = upstream is null ? new FreightSources { Direct = true } : new FreightSources { Stages = [upstream] },
                });
                var list = _byWarehouse[warehouse];
                var at = Math.Clamp(index, 0, list.Count - 1);
                var current = list[at];
                items[origin.ToString()] = new FreightReference { Name = current.Name, Origin = origin, Images = current.Images, Commits = current.Commits };
                var since = current.DiscoveredAt!.Value + TimeSpan.FromMinutes(10 + _random.Next(50));
                Mark(current.Name).CurrentlyIn[name] = new CurrentStage { Since = since };
                // Verified where it is now (unless the Stage is unhealthy) and in the Stage's recent past.
                for (var i = Math.Max(0, at - 3); i <= at; i++)
                {
                    if (i == at && health == "Unhealthy")
                    {
                        continue;
                    }
                    Mark(list[i].Name).VerifiedIn[name] = new VerifiedStage { VerifiedAt = list[i].DiscoveredAt!.Value + TimeSpan.FromMinutes(30) };
                }
            }
            var collection = new FreightCollection
            {
                Id = CollectionId(items.Values.Select(i => i.Name!)),
                Items = items,
            };
            var first = items.Values.First();
            _stages.Add(new Stage
            {
                Metadata = new ObjectMeta { Name = name, Namespace = _project },
                Spec = new StageSpec
                {
                    RequestedFreight = requested,
                    PromotionTemplate = new PromotionTemplate
                    {
                        Spec = new PromotionTemplateSpec { Steps = [new PromotionStep { Uses = "compose-output", As = "out" }] },
                    },
                },
                Status = new StageStatus
                {
                    FreightHistory = [collection],
                    Health = new Health { Status = health },
                    AutoPromotionEnabled = autoPromote,
                    LastPromotion = new PromotionReference
                    {
                        Name = $"{name}.{Hex(6)}",
                        Freight = first,
                        FinishedAt = options.Now - TimeSpan.FromMinutes(_random.Next(600)),
                    },
                },
            });
        }

        private void Approve(string warehouse, int index, string stage)
        {
            var list = _byWarehouse[warehouse];
            if (index >= 0 && index < list.Count)
            {
                Mark(list[index].Name).ApprovedFor[stage] = new ApprovedStage { ApprovedAt = options.Now - TimeSpan.FromMinutes(5) };
            }
        }

        private Marks Mark(string freight)
        {
            if (!_marks.TryGetValue(freight, out var marks))
            {
                _marks[freight] = marks = new Marks();
            }
            return marks;
        }

        private string Hex(int bytes)
        {
            var buffer = new byte[bytes];
            _random.NextBytes(buffer);
            return Convert.ToHexStringLower(buffer);
        }

        [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Kargo's FreightCollection ID is a SHA-1 of the item names; an identifier, not a protection.")]
        private static string CollectionId(IEnumerable<string> names) =>
            Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(
                System.Text.Encoding.UTF8.GetBytes(string.Join(",", names.Order(StringComparer.Ordinal)))));
    }

    private sealed class Marks
    {
        public Dictionary<string, CurrentStage> CurrentlyIn { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, VerifiedStage> VerifiedIn { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ApprovedStage> ApprovedFor { get; } = new(StringComparer.Ordinal);
    }
}
