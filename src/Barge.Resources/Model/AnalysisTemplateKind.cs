using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>Kinds of analysis templates.</summary>
[JsonConverter(typeof(KargoEnumConverter<AnalysisTemplateKind>))]
public enum AnalysisTemplateKind
{
    /// <summary>A namespaced template.</summary>
    AnalysisTemplate,

    /// <summary>A cluster-wide template.</summary>
    ClusterAnalysisTemplate,
}
