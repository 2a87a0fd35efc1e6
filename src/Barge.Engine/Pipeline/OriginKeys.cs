using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>Origins as Kargo compares and keys them: <c>"&lt;Kind&gt;/&lt;name&gt;"</c>.</summary>
internal static class OriginKeys
{
    public static string Of(FreightOrigin? origin) => origin?.ToString() ?? "/";

    public static bool Same(FreightOrigin? a, FreightOrigin? b) =>
        string.Equals(a?.Kind ?? "", b?.Kind ?? "", StringComparison.Ordinal)
        && string.Equals(a?.Name ?? "", b?.Name ?? "", StringComparison.Ordinal);
}
