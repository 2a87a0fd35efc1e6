using Barge.Resources.Model;
using Xunit;

namespace Barge.Resources.Tests.Validation;

public sealed class AnalysisTemplateValidatorTests
{
    private const string Valid = """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: smoke
          namespace: grommet
        spec:
          args:
          - name: env
          - name: threshold
            value: "0.9"
          metrics:
          - name: ready
            interval: 10s
            count: 3
            initialDelay: 5s
            successCondition: result == true
            failureCondition: result == false
            failureLimit: 1
            inconclusiveLimit: 1
            consecutiveErrorLimit: 2
            provider:
              web:
                url: https://{{args.env}}.example.com/health
                method: POST
                headers:
                - key: Authorization
                  value: Bearer {{args.env}}
                body: '{"check":"all"}'
                jsonPath: "{$.ready}"
                timeoutSeconds: 5
                insecure: true
        """;

    [Fact]
    public void Read_SupportedTemplate_BindsEveryField()
    {
        var result = TestManifests.Read(Valid);

        Assert.True(result.Errors.Count == 0, TestManifests.Errors(result));
        var template = Assert.IsType<AnalysisTemplate>(Assert.Single(result.Documents).Resource);
        var metric = Assert.Single(template.Spec!.Metrics!);
        Assert.Equal(("ready", "10s", 3, 1, 2), (metric.Name, metric.Interval, metric.Count, metric.FailureLimit, metric.ConsecutiveErrorLimit));
        Assert.Equal("{$.ready}", metric.Provider!.Web!.JsonPath);
        Assert.True(metric.Provider.Web.Insecure);
        Assert.Equal("Bearer {{args.env}}", metric.Provider.Web.Headers![0].Value);
    }

    [Fact]
    public void Read_ClusterAnalysisTemplate_IsClusterScoped()
    {
        var result = TestManifests.Read(Valid.Replace("kind: AnalysisTemplate", "kind: ClusterAnalysisTemplate", StringComparison.Ordinal)
            .Replace("  namespace: grommet\n", "", StringComparison.Ordinal));

        Assert.True(result.Errors.Count == 0, TestManifests.Errors(result));
        Assert.IsType<ClusterAnalysisTemplate>(Assert.Single(result.Documents).Resource);
    }

    [Theory]
    [InlineData("other provider", "    provider:\n      web:", "    provider:\n      prometheus:\n        query: up\n      web:",
        "spec.metrics[0].provider.prometheus: provider \"prometheus\" is not supported by Barge; supported: web")]
    [InlineData("only another provider", "    provider:\n      web:\n        url: https://{{args.env}}.example.com/health\n", "    provider:\n      job: {}\n      x:\n        url: https://{{args.env}}.example.com/health\n",
        "provider \"job\" is not supported by Barge; supported: web")]
    [InlineData("spec field", "  metrics:\n", "  dryRun:\n  - metricName: ready\n  metrics:\n",
        "spec.dryRun: field \"dryRun\" is not supported by Barge; supported: args, metrics")]
    [InlineData("metric field", "    count: 3\n", "    count: 3\n    consecutiveSuccessLimit: 2\n",
        "spec.metrics[0].consecutiveSuccessLimit: field \"consecutiveSuccessLimit\" is not supported by Barge; supported: name, interval")]
    [InlineData("web field", "        insecure: true", "        insecure: true\n        jsonBody: {a: 1}",
        "spec.metrics[0].provider.web.jsonBody: field \"jsonBody\" is not supported by Barge; supported: url, method")]
    [InlineData("arg valueFrom", "  - name: env\n", "  - name: env\n    valueFrom:\n      secretKeyRef: {name: s, key: k}\n",
        "spec.args[0].valueFrom: field \"valueFrom\" is not supported by Barge; supported: name, value")]
    [InlineData("bad interval", "interval: 10s", "interval: soon", "spec.metrics[0].interval: invalid duration \"soon\"")]
    [InlineData("bad method", "method: POST", "method: DELETE", "spec.metrics[0].provider.web.method: unsupported method \"DELETE\"")]
    [InlineData("bad url", "url: https://{{args.env}}.example.com/health", "url: ftp://example.com", "spec.metrics[0].provider.web.url: invalid URL \"ftp://example.com\"")]
    [InlineData("count without interval", "interval: 10s\n    ", "", "spec.metrics[0].interval: required when count is more than 1")]
    [InlineData("negative count", "count: 3", "count: -1", "spec.metrics[0].count: must not be negative")]
    [InlineData("zero timeout", "timeoutSeconds: 5", "timeoutSeconds: 0", "spec.metrics[0].provider.web.timeoutSeconds: must be positive")]
    public void Read_UnsupportedOrInvalid_NamesTemplateAndField(string scenario, string from, string to, string expected)
    {
        var yaml = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);

        var result = TestManifests.Read(yaml);

        var errors = TestManifests.Errors(result);
        Assert.True(errors.Contains(expected, StringComparison.Ordinal), $"{scenario}: {errors}");
        Assert.Contains("AnalysisTemplate \"smoke\"", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoMetrics_Required()
    {
        var result = TestManifests.Read("""
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: empty, namespace: grommet}
            spec: {}
            """);

        Assert.Contains("spec.metrics: must have at least 1 item", TestManifests.Errors(result), StringComparison.Ordinal);
    }
}
