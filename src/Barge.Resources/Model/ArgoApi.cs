namespace Barge.Resources.Model;

/// <summary>The Argo Rollouts API Barge reads analysis templates from.</summary>
public static class ArgoApi
{
    /// <summary>The apiVersion of <c>AnalysisTemplate</c> and <c>ClusterAnalysisTemplate</c>.</summary>
    public const string Version = "argoproj.io/v1alpha1";
}
