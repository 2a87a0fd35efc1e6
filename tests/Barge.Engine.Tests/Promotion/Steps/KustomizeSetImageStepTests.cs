using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Engine.Promotion.Steps;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps;

public sealed class KustomizeSetImageStepTests
{
    private static StepContext Context(string work, IReadOnlyList<FreightOrigin> requested, params WarehouseSubscriptions[] warehouses) =>
        new(work, "grommet", "dev", "dev.01abc.1234567",
            [new PromotedFreight("f1", new FreightOrigin("Warehouse", "grommet-dev"), [new FreightImage("registry.example.com/grommet", "1.4.0", "")], [])],
            requested,
            warehouses.ToDictionary(w => w.Name, StringComparer.Ordinal));

    [Fact]
    public async Task RunAsync_AutomaticWithMissingWarehouse_ErrorsNamingIt()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("kustomization.yaml"), "kind: Kustomization\n");
        var result = await new KustomizeSetImageStep().RunAsync(
            Context(temp.Path, [new FreightOrigin("Warehouse", "gone")]), new JsonObject { ["path"] = "." }, CancellationToken.None);
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Equal("manual configuration required due to ambiguous result: Warehouse \"gone\" not found in namespace \"grommet\"", result.Message);
    }

    [Fact]
    public async Task RunAsync_AutomaticWithEmptyImagesList_UsesTheFreightImages()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("kustomization.yaml"), "kind: Kustomization\n");
        var context = Context(temp.Path, [new FreightOrigin("Warehouse", "grommet-dev")], new WarehouseSubscriptions("grommet-dev", ["registry.example.com/grommet"]));
        var result = await new KustomizeSetImageStep().RunAsync(context, new JsonObject { ["path"] = ".", ["images"] = new JsonArray() }, CancellationToken.None);
        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("Updated . to use new image\n\n- registry.example.com/grommet:1.4.0", result.Output!["commitMessage"]!.GetValue<string>());
        Assert.Equal("kind: Kustomization\nimages:\n- name: registry.example.com/grommet\n  newTag: 1.4.0\n", File.ReadAllText(temp.Combine("kustomization.yaml")));
    }

    [Fact]
    public async Task RunAsync_CommentsOnImages_StayAtTheirPositions()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("kustomization.yaml"), "images:\n# the first\n- name: b # b's tag\n  newTag: '1'\n");
        var config = JsonNode.Parse("""{"path":".","images":[{"image":"a","tag":"2"}]}""")!.AsObject();
        var result = await new KustomizeSetImageStep().RunAsync(StepContext.ForWorkDirectory(temp.Path), config, CancellationToken.None);
        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("images:\n# the first\n- name: a # b's tag\n  newTag: \"2\"\n- name: b\n  newTag: \"1\"\n", File.ReadAllText(temp.Combine("kustomization.yaml")));
    }

    [Fact]
    public async Task RunAsync_KustomizationIsASymlink_IsNotFound()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("real.yaml"), "kind: Kustomization\n");
        File.CreateSymbolicLink(temp.Combine("kustomization.yaml"), "real.yaml");
        var config = JsonNode.Parse("""{"path":".","images":[{"image":"a","tag":"2"}]}""")!.AsObject();
        var result = await new KustomizeSetImageStep().RunAsync(StepContext.ForWorkDirectory(temp.Path), config, CancellationToken.None);
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Contains("could not find any Kustomization files in \".\"", result.Message, StringComparison.Ordinal);
    }
}
