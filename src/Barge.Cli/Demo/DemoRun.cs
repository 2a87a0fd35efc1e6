using Barge.Cli.Hosting;
using Barge.Engine.Git;
using Barge.Engine.Pipeline;
using Barge.Resources.Durations;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Demo;

/// <summary>
/// The demo's story, phase by phase. Everything after the setup goes through the product: the pipeline
/// is applied, refreshed and promoted by running the real <c>barge</c> commands in-process against the
/// demo's BARGE_HOME, and the controllers run behind <see cref="IDemoPipeline"/>.
/// </summary>
internal sealed class DemoRun(CliContext cli, DemoNarrator narrator, DemoOptions options)
{
    public const string Project = "grommet";
    private const string NewDevTag = "dev-3";
    private static readonly TimeSpan SoakDeadline = TimeSpan.FromSeconds(60);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var started = cli.Time.GetTimestamp();
        narrator.Section("barge demo: one repository, two Warehouses, one pipeline");
        narrator.Line($"folder {options.Root} (BARGE_HOME {options.Home})");
        var repositories = await narrator.StepAsync("creating the grommet and grommet-config repositories", async _ =>
            await DemoRepositories.CreateAsync(options.Root, cli.Time.GetUtcNow(), cancellationToken));
        narrator.Line("grommet (the application): " + string.Join(", ", DemoRepositories.InitialTags.Select(t => $"{t} @ {DemoStoreView.Short(repositories.Commits[t])}")));
        narrator.Line("grommet-config (GitOps): env/dev/values.yaml and env/prod/values.yaml on main; the Stages push here over file://");

        using var remote = ServeSource();
        var sourceUrl = remote?.UrlOf("grommet.git") ?? repositories.SourceFileUrl;
        using var registry = await ConnectRegistryAsync(repositories, cancellationToken);
        await File.WriteAllTextAsync(options.PipelineFile,
            DemoPipelineFile.Render(DemoPipelineFile.Template(), sourceUrl, repositories.ConfigFileUrl, registry?.ImageRepo), cancellationToken);

        narrator.Section("Applying the project's grommet pipeline (examples/grommet/pipeline.yaml)");
        await BargeAsync(cancellationToken, "apply", "-f", options.PipelineFile);

        var demoCli = new CliContext(Stream.Null, TextWriter.Null, cli.Error, Environment, cli.Time);
        if (!SecretKeys.TryOpen(demoCli, out var cipher, out var keyError))
        {
            throw new DemoFailureException("the secret key is not usable: " + keyError);
        }
        using var ownedCipher = cipher;
        await using var store = await EmbeddedStore.OpenForWriteAsync(demoCli, cancellationToken);
        using var loggers = new StderrLoggerFactory(cli.Error);
        await using var pipeline = new ControllerPipeline(store, Project, options.Home, cipher, cli.Time, loggers);
        var view = new DemoStoreView(store, Project);
        var tags = new List<string>(DemoRepositories.InitialTags);

        narrator.Section("Discovery: grommet-dev takes dev-* tags, grommet-release takes semantic versions");
        await narrator.StepAsync("running the controllers (" + pipeline.Description + ")", async _ => await pipeline.SettleAsync(cancellationToken));
        Narrate(await view.DiscoveryAsync(tags, cancellationToken));

        narrator.Section("Auto-promotion: the policy promotes grommet-dev Freight into dev, nothing else");
        Narrate(await view.PolicyAsync("dev", cancellationToken));
        Narrate(await view.NewPromotionsAsync(cancellationToken));
        narrator.Line(await view.CurrentAsync("dev", cancellationToken));

        narrator.Section($"A new dev build: {NewDevTag} is pushed");
        await repositories.PushTagAsync(NewDevTag, cli.Time.GetUtcNow(), cancellationToken);
        tags.Add(NewDevTag);
        if (registry is not null)
        {
            await registry.PushImageAsync(NewDevTag, cli.Time.GetUtcNow(), cancellationToken);
        }
        narrator.Line($"grommet: {NewDevTag} @ {DemoStoreView.Short(repositories.Commits[NewDevTag])}" + (registry is null ? "" : $", image grommet:{NewDevTag}"));
        await BargeAsync(cancellationToken, "refresh", "warehouse", "grommet-dev", "-p", Project);
        await narrator.StepAsync("running the controllers", async _ => await pipeline.SettleAsync(cancellationToken));
        Narrate((await view.DiscoveryAsync(tags, cancellationToken)).Where(l => l.Contains('→', StringComparison.Ordinal)));
        Narrate(await view.NewPromotionsAsync(cancellationToken));
        narrator.Line(await view.CurrentAsync("dev", cancellationToken));

        narrator.Section("The release, promoted into dev by a person");
        narrator.Line("releases are available to dev but not auto-promoted; a person promotes the newest one by its Warehouse:");
        await BargeAsync(cancellationToken, "promote", "-p", Project, "--stage", "dev", "--warehouse", "grommet-release");
        await narrator.StepAsync("running the controllers", async _ => await pipeline.SettleAsync(cancellationToken));
        Narrate(await view.NewPromotionsAsync(cancellationToken));
        narrator.Line(await view.CurrentAsync("dev", cancellationToken));

        narrator.Section("Verification and soak: prod takes releases verified in dev that soaked there");
        await SoakAsync(store, view, cancellationToken);

        narrator.Section("The release, promoted into prod");
        await BargeAsync(cancellationToken, "promote", "-p", Project, "--stage", "prod", "--warehouse", "grommet-release");
        await narrator.StepAsync("running the controllers", async _ => await pipeline.SettleAsync(cancellationToken));
        Narrate(await view.NewPromotionsAsync(cancellationToken));
        narrator.Line(await view.CurrentAsync("prod", cancellationToken));

        await new DemoSummary(narrator, repositories).WriteAsync(await pipeline.HistoryAsync(cancellationToken), cancellationToken);
        var elapsed = cli.Time.GetElapsedTime(started);
        narrator.Section("Next");
        narrator.Line($"the demo took {elapsed.TotalSeconds:0.0} s");
        if (options.Keep)
        {
            narrator.Line($"the state is kept in {options.Root}; to look further:");
            narrator.Line($"  export BARGE_HOME={options.Home}");
        }
        else
        {
            narrator.Line("the demo's folder is removed now; run `barge demo --keep` to look further with:");
        }
        foreach (var command in DemoSummary.NextCommands)
        {
            narrator.Line("  " + command);
        }
    }

    private string? Environment(string name) => name switch
    {
        "BARGE_HOME" => options.Home,
        GlobalSettings.ServerEnvironmentVariable => null,
        _ => cli.GetEnvironmentVariable(name),
    };

    private GitHttpServer? ServeSource()
    {
        if (options.Keep)
        {
            narrator.Line("the Warehouses read grommet over file:// (with --keep the state stays usable after the demo, when its git server is gone)");
            return null;
        }
        var (remote, problem) = GitHttpServer.TryStart(Path.Combine(options.Root, "repos"));
        narrator.Line(remote is null
            ? $"{problem}; the Warehouses read grommet over file:// instead"
            : $"git smart HTTP (git http-backend) serves grommet read-only at {remote.UrlOf("grommet.git")}; the Warehouses read it from there");
        return remote;
    }

    private async Task<DemoRegistry?> ConnectRegistryAsync(DemoRepositories repositories, CancellationToken cancellationToken)
    {
        if (options.Registry is not { } endpoint)
        {
            narrator.Line("no --registry given: git subscriptions only (the pipeline's image subscriptions and imageTag update are left out)");
            return null;
        }
        var (registry, problem) = await DemoRegistry.TryConnectAsync(endpoint, cancellationToken);
        if (registry is null)
        {
            narrator.Line($"{problem}: git subscriptions only (the pipeline's image subscriptions and imageTag update are left out)");
            return null;
        }
        var created = cli.Time.GetUtcNow().AddHours(-1);
        foreach (var tag in DemoRepositories.InitialTags)
        {
            await registry.PushImageAsync(tag, created = created.AddMinutes(1), cancellationToken);
        }
        narrator.Line($"registry {endpoint}: pushed {registry.ImageRepo}:{string.Join(", :", DemoRepositories.InitialTags)}");
        return registry;
    }

    private async Task SoakAsync(IResourceStore store, DemoStoreView view, CancellationToken cancellationToken)
    {
        var release = await view.NewestAsync("grommet-release", cancellationToken) ?? throw new DemoFailureException("grommet-release produced no Freight");
        var prodStored = await store.GetAsync(new ResourceKey("Stage", Project, "prod"), cancellationToken) ?? throw new DemoFailureException("Stage \"prod\" is missing");
        var prod = StoredTyped.From<Stage>(prodStored);
        var soakText = prod.Spec?.RequestedFreight?.FirstOrDefault(r => r.Origin?.Name == "grommet-release")?.Sources?.RequiredSoakTime;
        narrator.Line($"dev has no spec.verification, so Freight {DemoStoreView.Describe(release)} was verified in dev as its promotion succeeded");
        narrator.Line($"prod requests grommet-release from dev with requiredSoakTime {soakText ?? "(none)"}; until then it is not available to prod");
        var availability = new FreightAvailability(cli.Time);
        var waited = cli.Time.GetTimestamp();
        await narrator.StepAsync($"soaking in dev ({soakText ?? "no soak"})", async update =>
        {
            while (true)
            {
                var freight = StoredTyped.From<Freight>(await store.GetAsync(new ResourceKey("Freight", Project, release.Name), cancellationToken)
                    ?? throw new DemoFailureException($"Freight \"{release.Name}\" disappeared"));
                var verdict = availability.Evaluate(prod, freight);
                if (verdict.IsAvailable)
                {
                    return;
                }
                var elapsed = cli.Time.GetElapsedTime(waited);
                if (elapsed > SoakDeadline)
                {
                    throw new DemoFailureException($"Freight \"{release.Name}\" was not available to prod after {SoakDeadline.TotalSeconds:0} s: " +
                        string.Join("; ", verdict.Reasons.Select(r => r.Message)));
                }
                update($"soaking in dev: {GoDuration.Format(TimeSpan.FromSeconds(Math.Floor(elapsed.TotalSeconds)))} of {soakText}");
                await Task.Delay(TimeSpan.FromMilliseconds(200), cli.Time, cancellationToken);
            }
        });
        narrator.Line($"after {cli.Time.GetElapsedTime(waited).TotalSeconds:0.0} s the release is available to prod");
    }

    private async Task BargeAsync(CancellationToken cancellationToken, params string[] args)
    {
        narrator.Line("$ barge " + string.Join(' ', args));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BargeApp.RunAsync(args, Stream.Null, output, error, Environment, cli.Time, cancellationToken);
        if (output.ToString().Length > 0)
        {
            // A step's "Running" line is followed by its outcome; the outcome is enough for the story.
            narrator.Lines(string.Join('\n', output.ToString().TrimEnd('\n').Split('\n')
                .Where(l => !l.EndsWith(": Running", StringComparison.Ordinal))
                .Select(l => "  " + l)));
        }
        if (code != ExitCodes.Success)
        {
            throw new DemoFailureException($"`barge {string.Join(' ', args)}` exited with {code}: {error.ToString().Trim()}");
        }
    }

    private void Narrate(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            narrator.Line(line);
        }
    }
}
