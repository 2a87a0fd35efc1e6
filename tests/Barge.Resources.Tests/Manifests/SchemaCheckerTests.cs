using Barge.Resources.Model;
using Xunit;

namespace Barge.Resources.Tests.Manifests;

public sealed class SchemaCheckerTests
{
    [Fact]
    public void Read_SeveralUnknownFieldsAndWrongTypes_AreAllReportedAtTheirKeys()
    {
        var result = TestManifests.Read("""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: app
              namespace: demo
              generateName: app-
            spec:
              intervall: 5m
              subscriptions:
              - git:
                  repoURL: https://example.com/app.git
                  strictSemvers: "yes"
            """);

        Assert.Equal(
            [
                "test.yaml:6:3 (Warehouse \"app\") metadata.generateName: unknown field \"generateName\"",
                "test.yaml:8:3 (Warehouse \"app\") spec.intervall: unknown field \"intervall\"",
                "test.yaml:12:22 (Warehouse \"app\") spec.subscriptions[0].git.strictSemvers: expected boolean, got string \"yes\"",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Read_ExplicitNulls_AreTreatedAsAbsent()
    {
        var result = TestManifests.Read("""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata: {name: dev, namespace: demo, labels: null}
            spec:
              shard: null
              requestedFreight:
              - origin: {kind: Warehouse, name: app}
                sources: {direct: null, stages: [qa]}
            """);

        Assert.True(result.Succeeded, TestManifests.Errors(result));
        var stage = Assert.IsType<Stage>(result.Documents[0].Resource);
        Assert.False(stage.Spec!.RequestedFreight![0].Sources!.Direct);
        Assert.Null(stage.Spec.Shard);
    }

    [Fact]
    public void Read_IntegerOutOfRange_IsReported()
    {
        var result = TestManifests.Read("""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: PromotionTask
            metadata: {name: t, namespace: demo}
            spec:
              steps:
              - uses: http
                retry: {errorThreshold: -1}
            """);

        Assert.Equal("test.yaml:7:29 (PromotionTask \"t\") spec.steps[0].retry.errorThreshold: integer -1 is out of range", Assert.Single(result.Errors).ToString());
    }
}
