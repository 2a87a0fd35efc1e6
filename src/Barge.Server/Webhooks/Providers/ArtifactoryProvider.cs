using System.Security.Cryptography;
using System.Text;
using Barge.Resources.Identity;

namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// JFrog Artifactory: <c>X-Jfrog-Event-Auth</c> must be the hex HMAC-SHA256 of the body keyed by the
/// Secret's <c>secret-token</c> (constant time). Only <c>pushed</c> events of the <c>docker</c> domain
/// (others 501, as Kargo), image type <c>docker</c> (an image) or <c>oci</c> (a chart). The repository
/// is <c>&lt;host of jpd_origin&gt;/&lt;repo_key or the receiver's virtualRepoName&gt;/&lt;data.path without its
/// last two segments&gt;</c>; the qualifier is <c>data.tag</c>.
/// </summary>
internal sealed class ArtifactoryProvider : IReceiverProvider
{
    public string? DeliveryId(WebhookRequest request) => null;

    public ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver)
    {
        var signature = request.Header("X-Jfrog-Event-Auth");
        if (string.IsNullOrEmpty(signature))
        {
            return ProviderResult.Answer(WebhookReply.Error(401, "missing signature"));
        }
        if (!SignatureMatches(signature, request.Body, receiver.SecretValue))
        {
            return ProviderResult.Answer(WebhookReply.Error(401, "unauthorized"));
        }
        if (!Payloads.TryParse(request.Body, out var parsed))
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        var root = parsed.Value;
        if (Payloads.String(root, "event_type") != "pushed" || Payloads.String(root, "domain") != "docker")
        {
            return ProviderResult.Answer(WebhookReply.Error(501, "event type must be 'pushed' and domain must be 'docker'"));
        }
        var imageType = Payloads.String(root, "data", "image_type") ?? "";
        if (imageType is not ("docker" or "oci"))
        {
            return ProviderResult.Answer(WebhookReply.Error(501, $"unsupported image type \"{imageType}\""));
        }
        if (!Uri.TryCreate(Payloads.String(root, "jpd_origin") ?? "", UriKind.Absolute, out var origin))
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        var sections = (Payloads.String(root, "data", "path") ?? "").Split('/');
        if (sections.Length < 2)
        {
            return ProviderResult.Answer(WebhookReply.Error(400, "invalid path"));
        }
        var repoKey = receiver.Config.Artifactory?.VirtualRepoName is { Length: > 0 } virtualRepo ? virtualRepo : Payloads.String(root, "data", "repo_key") ?? "";
        var url = string.Join('/', new[] { origin.Authority, repoKey }.Concat(sections[..^2]));
        var repository = imageType == "docker"
            ? new RepositoryUrl(RepositoryKind.Image, RepoUrls.NormalizeImage(url))
            : new RepositoryUrl(RepositoryKind.Chart, RepoUrls.NormalizeChart(url));
        var tag = Payloads.String(root, "data", "tag");
        return ProviderResult.Refresh(new RepositoryPush([repository], string.IsNullOrEmpty(tag) ? [] : [tag]));
    }

    /// <summary>True when <paramref name="header"/> is the hex HMAC-SHA256 of the body, compared in constant time.</summary>
    public static bool SignatureMatches(string header, byte[] body, string secret)
    {
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
