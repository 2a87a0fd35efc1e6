using System.Globalization;
using System.Text.Json;
using Barge.Storage;

namespace Barge.Benchmarks.Storage;

/// <summary>Freight-shaped envelopes (origin, commits, images, alias label), as discovery will store them.</summary>
internal static class FreightDocuments
{
    public static NewResource Create(string project, int index, int warehouses = 10)
    {
        var id = Convert.ToHexStringLower(BitConverter.GetBytes((long)index * 2654435761)).PadLeft(40, '0');
        var warehouse = "w" + (index % warehouses).ToString(CultureInfo.InvariantCulture);
        using var spec = JsonDocument.Parse($$"""
            {"origin":{"kind":"Warehouse","name":"{{warehouse}}"},
             "commits":[{"repoURL":"https://git.example.com/grommet.git","id":"{{id}}","branch":"main","message":"change {{index}}"}],
             "images":[{"repoURL":"registry.example.com/grommet","tag":"1.{{index / 1000}}.{{index % 1000}}","digest":"sha256:{{id}}{{id[..24]}}"}]}
            """);
        return new NewResource(new ResourceKey("Freight", project, id), "kargo.akuity.io/v1alpha1", spec.RootElement.Clone())
        {
            Labels = new Dictionary<string, string>
            {
                ["kargo.akuity.io/alias"] = "alias-" + index.ToString(CultureInfo.InvariantCulture),
                ["barge.dev/warehouse"] = warehouse,
            },
        };
    }
}
