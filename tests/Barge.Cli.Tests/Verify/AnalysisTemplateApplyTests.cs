using Barge.Cli.Tests.Approve;
using Xunit;

namespace Barge.Cli.Tests.Verify;

public sealed class AnalysisTemplateApplyTests : IDisposable
{
    private readonly PipelineHome _home = new();
    private readonly Barge.Testing.TempDirectory _work = new("cli-analysis");

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
    }

    private async Task<BargeResult> ApplyAsync(string yaml)
    {
        var file = Path.Combine(_work.Path, "templates.yaml");
        await File.WriteAllTextAsync(file, yaml);
        return await _home.Run.RunAsync("apply", "-f", file);
    }

    [Fact]
    public async Task Apply_WebTemplates_StoredAndListed()
    {
        await _home.ApplyPipelineAsync();

        var applied = await ApplyAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: smoke, namespace: grommet}
            spec:
              metrics:
              - name: ready
                successCondition: result == true
                provider: {web: {url: "https://grommet.example.com/health", jsonPath: "{$.ready}"}}
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: ClusterAnalysisTemplate
            metadata: {name: shared}
            spec:
              metrics:
              - name: up
                provider: {web: {url: "https://status.example.com/"}}
            """);
        var listed = await _home.Run.RunAsync("get", "analysistemplates", "-p", "grommet", "--no-headers");
        var cluster = await _home.Run.RunAsync("get", "clusteranalysistemplates", "--no-headers");

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.StartsWith("smoke ", listed.Output, StringComparison.Ordinal);
        Assert.StartsWith("shared ", cluster.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_PrometheusTemplate_RejectedNamingTemplateAndField()
    {
        await _home.ApplyPipelineAsync();

        var applied = await ApplyAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: errors, namespace: grommet}
            spec:
              metrics:
              - name: rate
                provider: {prometheus: {query: "sum(rate(errors[5m]))"}}
            """);

        Assert.True(applied.ExitCode == 2, applied.ToString());
        Assert.Matches("templates\\.yaml:7:[0-9]+ ", applied.Error);
        Assert.Contains("(AnalysisTemplate \"errors\") spec.metrics[0].provider.prometheus: provider \"prometheus\" is not supported by Barge; supported: web", applied.Error, StringComparison.Ordinal);
    }
}
