using System.Security.Cryptography;
using System.Text;

namespace Barge.Engine.Promotion;

/// <summary>Kargo's Promotion naming (<c>pkg/api/promotion.go GeneratePromotionName</c>) and label shortening.</summary>
internal static class PromotionNames
{
    private const int MaxNameLength = 253;
    private const int UlidLength = 26;
    private const int FreightPrefixLength = 7;
    private const int MaxLabelLength = 63;

    /// <summary><c>lower("&lt;stage&gt;.&lt;ULID&gt;.&lt;freight[:7]&gt;")</c>, the stage part capped at 218 characters (trailing <c>.</c>/<c>-</c> trimmed).</summary>
    public static string Generate(string stage, string freight, string ulid)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(freight);
        ArgumentNullException.ThrowIfNull(ulid);
        var maxStage = MaxNameLength - 1 - UlidLength - 1 - FreightPrefixLength;
        var stagePart = (stage.Length > maxStage ? stage[..maxStage] : stage).TrimEnd('.', '-');
        var freightPart = freight.Length > FreightPrefixLength ? freight[..FreightPrefixLength] : freight;
        return $"{stagePart}.{ulid}.{freightPart}".ToLowerInvariant();
    }

    /// <summary>
    /// Kargo's <c>HashShorten</c> for label values: up to 63 characters unchanged, otherwise a prefix
    /// (trailing <c>-</c> trimmed) + <c>-</c> + the first 8 hex digits of the value's SHA-256.
    /// </summary>
    public static string ShortenLabel(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= MaxLabelLength)
        {
            return value;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        return value[..(MaxLabelLength - 9)].TrimEnd('-') + "-" + hash[..8];
    }
}
