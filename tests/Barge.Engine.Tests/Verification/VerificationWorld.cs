using System.Security.Cryptography;
using Barge.Engine.Tests.Promotion;
using Barge.Engine.Verification;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Storage;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Verification;

/// <summary>A real store with a dev Stage holding one Freight collection, analysis templates read from YAML, and a runner.</summary>
internal sealed class VerificationWorld : IAsyncDisposable
{
    private readonly List<HttpAnalysisRunner> _runners = [];

    private VerificationWorld(EngineFixture fixture) => Fixture = fixture;

    public EngineFixture Fixture { get; }

    public IResourceStore Store => Fixture.Store;

    public static async Task<VerificationWorld> CreateAsync() => new(await EngineFixture.CreateAsync());

    /// <summary>Stores the documents of <paramref name="yaml"/> (analysis templates) after reading and validating them.</summary>
    public async Task PutTemplatesAsync(string yaml)
    {
        var read = new ManifestReader(new ManifestReaderOptions { DefaultProject = ProjectName }).ReadText(yaml, "templates.yaml");
        if (read.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", read.Errors));
        }
        foreach (var document in read.Documents)
        {
            await Fixture.PutAsync(document.Resource);
        }
    }

    /// <summary>The dev Stage verifying with <paramref name="templates"/> and <paramref name="args"/>, holding Freight f1.</summary>
    public static Stage Dev(string[] templates, params (string Name, string Value)[] args) =>
        Stage("dev", Direct("grommet-dev")).WithStatus(s => s with { FreightHistory = [Collection(Ref("f1", "grommet-dev"))] }) with
        {
            Spec = Stage("dev", Direct("grommet-dev")).Spec! with
            {
                Vars = [new ExpressionVariable { Name = "host", Value = "${{ ctx.stage }}-host" }],
                Verification = new Barge.Resources.Model.Verification
                {
                    AnalysisTemplates = [.. templates.Select(t => new AnalysisTemplateReference { Name = t })],
                    Args = [.. args.Select(a => new AnalysisRunArgument { Name = a.Name, Value = a.Value })],
                },
            },
        };

    public HttpAnalysisRunner Runner()
    {
        var runner = new HttpAnalysisRunner(Store, Fixture.Time, RandomNumberGenerator.Create());
        _runners.Add(runner);
        return runner;
    }

    public static VerificationInfo Pending(string id = "v-1") => new() { Id = id, Phase = VerificationPhase.Pending, Actor = "controller:stage-controller" };

    public async Task<IReadOnlyList<StoredResource>> RunsAsync() => (await Store.ListAsync(ResourceQuery.OfKind(AnalysisRuns.Kind, ProjectName))).Items;

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }
        await Fixture.DisposeAsync();
    }
}
