namespace Barge.Cli.Demo;

/// <summary>
/// The demo's two real git repositories, as bare remotes under <c>DIR/repos</c>: the application
/// <c>grommet.git</c> (commits tagged <c>v1.0.0</c>, <c>dev-1</c>, <c>v1.1.0</c>, <c>dev-2</c>; later a
/// new <c>dev-3</c>) and the GitOps repository <c>grommet-config.git</c> with <c>env/dev/values.yaml</c>
/// and <c>env/prod/values.yaml</c> on <c>main</c>, which the Stages write to.
/// </summary>
internal sealed class DemoRepositories
{
    /// <summary>The tags of the initial history, oldest first: releases and dev builds interleaved.</summary>
    public static readonly IReadOnlyList<string> InitialTags = ["v1.0.0", "dev-1", "v1.1.0", "dev-2"];

    /// <summary>The seeded values files; yaml-update only changes keys that exist, as in Kargo.</summary>
    public static string SeedValues(string env) =>
        $"replicas: {(env == "prod" ? 3 : 1)}\ndesiredRevision: \"\"\nimageTag: \"\"\nsource: \"\"\n";

    private readonly string _checkout;
    private DateTimeOffset _clock;

    private DemoRepositories(string root, DateTimeOffset start)
    {
        Root = root;
        SourceBare = Path.Combine(root, "repos", "grommet.git");
        ConfigBare = Path.Combine(root, "repos", "grommet-config.git");
        _checkout = Path.Combine(root, "checkouts", "grommet");
        _clock = start;
    }

    public string Root { get; }

    public string SourceBare { get; }

    public string ConfigBare { get; }

    public string SourceFileUrl => new Uri(SourceBare).AbsoluteUri;

    public string ConfigFileUrl => new Uri(ConfigBare).AbsoluteUri;

    /// <summary>Tag → commit ID of every tag pushed so far.</summary>
    public Dictionary<string, string> Commits { get; } = new(StringComparer.Ordinal);

    /// <summary>Creates both repositories; commits are dated an hour back from <paramref name="now"/>, a minute apart.</summary>
    public static async Task<DemoRepositories> CreateAsync(string root, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var repositories = new DemoRepositories(root, now.AddHours(-1));
        await repositories.CreateSourceAsync(cancellationToken);
        await repositories.CreateConfigAsync(cancellationToken);
        return repositories;
    }

    /// <summary>Commits a new build to the application, tags it and pushes commit and tag; returns the commit ID.</summary>
    public async Task<string> PushTagAsync(string tag, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        _clock = at ?? _clock.AddMinutes(1);
        await File.WriteAllTextAsync(Path.Combine(_checkout, "VERSION"), $"grommet {tag}\n", cancellationToken);
        await GitAsync(_checkout, cancellationToken, "add", "VERSION");
        await GitAsync(_checkout, cancellationToken, "commit", "--quiet", "-m", $"grommet {tag}");
        await GitAsync(_checkout, cancellationToken, "tag", "-a", tag, "-m", $"grommet {tag}");
        await GitAsync(_checkout, cancellationToken, "push", "--quiet", "origin", "main", "refs/tags/" + tag);
        var id = (await GitAsync(_checkout, cancellationToken, "rev-parse", "HEAD")).Trim();
        Commits[tag] = id;
        return id;
    }

    /// <summary>The content of <c>env/&lt;env&gt;/values.yaml</c> on the config repository's <c>main</c>.</summary>
    public async Task<string> ReadValuesAsync(string env, CancellationToken cancellationToken) =>
        await GitAsync(ConfigBare, cancellationToken, "show", $"main:env/{env}/values.yaml");

    /// <summary>The config repository's <c>main</c>, newest first: (commit ID, subject).</summary>
    public async Task<IReadOnlyList<(string Id, string Subject)>> ConfigLogAsync(CancellationToken cancellationToken)
    {
        var log = await GitAsync(ConfigBare, cancellationToken, "log", "main", "--format=%H%x09%s");
        return log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 2))
            .Select(parts => (parts[0], parts.Length > 1 ? parts[1] : ""))
            .ToList();
    }

    private async Task CreateSourceAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_checkout);
        Directory.CreateDirectory(SourceBare);
        await GitAsync(SourceBare, cancellationToken, "init", "--quiet", "--bare", "--initial-branch=main");
        await GitAsync(_checkout, cancellationToken, "init", "--quiet", "--initial-branch=main");
        await GitAsync(_checkout, cancellationToken, "remote", "add", "origin", SourceFileUrl);
        await File.WriteAllTextAsync(Path.Combine(_checkout, "README.md"), "# grommet\n\nThe demo application of `barge demo`.\n", cancellationToken);
        await GitAsync(_checkout, cancellationToken, "add", "README.md");
        foreach (var tag in InitialTags)
        {
            await PushTagAsync(tag, null, cancellationToken);
        }
    }

    private async Task CreateConfigAsync(CancellationToken cancellationToken)
    {
        var seed = Path.Combine(Root, "checkouts", "grommet-config");
        foreach (var env in new[] { "dev", "prod" })
        {
            Directory.CreateDirectory(Path.Combine(seed, "env", env));
            await File.WriteAllTextAsync(Path.Combine(seed, "env", env, "values.yaml"), SeedValues(env), cancellationToken);
        }
        await GitAsync(seed, cancellationToken, "init", "--quiet", "--initial-branch=main");
        await GitAsync(seed, cancellationToken, "add", ".");
        await GitAsync(seed, cancellationToken, "commit", "--quiet", "-m", "environments dev and prod");
        Directory.CreateDirectory(ConfigBare);
        await GitAsync(ConfigBare, cancellationToken, "init", "--quiet", "--bare", "--initial-branch=main");
        await GitAsync(seed, cancellationToken, "push", "--quiet", ConfigFileUrl, "main");
    }

    private async Task<string> GitAsync(string directory, CancellationToken cancellationToken, params string[] arguments) =>
        await DemoGit.RunAsync(directory, _clock, cancellationToken, arguments);
}
