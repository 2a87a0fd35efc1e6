using System.Security.Cryptography;
using System.Text;

namespace Barge.Server.Webhooks;

/// <summary>
/// Kargo's receiver path: <c>&lt;base path&gt;/&lt;receiverType&gt;/&lt;hex(SHA-256(project + receiverName + secretValue))&gt;</c>.
/// Built from the secret's value, so rotating the secret moves the receiver.
/// </summary>
internal static class ReceiverPaths
{
    public static string Compute(string basePath, string receiverType, string project, string receiverName, string secretValue)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(project + receiverName + secretValue));
        return $"{basePath}/{receiverType}/{Convert.ToHexStringLower(hash)}";
    }

    /// <summary>The full URL of <paramref name="path"/> under the base URL's scheme and authority.</summary>
    public static string Url(Uri baseUrl, string path) => baseUrl.GetLeftPart(UriPartial.Authority) + path;
}
