using System.Text.Json.Nodes;
using Barge.Engine.Credentials;
using Barge.Engine.Manifests;
using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>
/// Kargo's project credential reads: <c>repo-credentials</c> (Secrets labelled
/// <c>kargo.akuity.io/cred-type</c> git, helm or image) and <c>generic-credentials</c> (labelled generic):
/// list sorted by name, get and delete. Each Secret is redacted as Kargo redacts it: no <c>data</c>;
/// <c>stringData</c> holds <c>repoURL</c>, <c>repoURLIsRegex</c> and <c>username</c> in clear and every other
/// value as the redaction marker; every annotation but the description is redacted. A Secret whose values do
/// not open with the server's key is shown with every value redacted. Creating and changing credentials
/// goes through <c>/v1beta1/resources</c> or <c>barge create credentials</c> (those routes answer 501).
/// </summary>
internal static class CredentialRoutes
{
    private const string DescriptionAnnotation = "kargo.akuity.io/description";

    private static readonly string[] ClearFields = ["repoURL", "repoURLIsRegex", "username"];

    public static void Map(RouteGroupBuilder api)
    {
        Map(api, "repo-credentials", ["git", "helm", "image"]);
        Map(api, "generic-credentials", ["generic"]);
    }

    private static void Map(RouteGroupBuilder api, string collection, string[] types)
    {
        var path = "/projects/{project}/" + collection;
        api.MapGet(path, async (HttpContext c, string project, IResourceStore store, SecretCipher cipher) =>
            {
                var secrets = await store.ListAsync(ResourceQuery.OfKind("Secret", project), c.RequestAborted);
                var items = secrets.Items.Where(s => Refusal(s, types) is null).OrderBy(s => s.Key.Name, StringComparer.Ordinal)
                    .Select(s => Sanitized(s, cipher)).ToList();
                return ManifestJson.Custom(200, writer =>
                {
                    var list = new JsonObject
                    {
                        ["metadata"] = new JsonObject { ["resourceVersion"] = secrets.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        ["items"] = new JsonArray([.. items]),
                    };
                    list.WriteTo(writer);
                });
            })
            .RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("credentials");
        api.MapGet(path + "/{name}", async (HttpContext c, string project, string name, IResourceStore store, SecretCipher cipher) =>
                (await FindAsync(store, new ResourceKey("Secret", project, name), types, c.RequestAborted))
                    .ToResult(secret => ManifestJson.Custom(200, writer => Sanitized(secret, cipher).WriteTo(writer))))
            .RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("credentials");
        api.MapDelete(path + "/{name}", async (HttpContext c, string project, string name, IResourceStore store, ResourceActions actions) =>
            {
                var found = await FindAsync(store, new ResourceKey("Secret", project, name), types, c.RequestAborted);
                return found.Succeeded ? await ProjectRoutes.DeleteAsync(c, found.Value.Key, actions) : Problems.Result(found.Error);
            })
            .RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("credentials");
    }

    /// <summary>The credential Secret, 404 when there is none and 409 when the Secret is not of these credential types (as Kargo).</summary>
    private static async Task<ApiOutcome<StoredResource>> FindAsync(IResourceStore store, ResourceKey key, string[] types, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(key, cancellationToken) is not { } secret)
        {
            return ApiError.NotFound(KargoNames.NotFound(key));
        }
        return Refusal(secret, types) is { } refusal ? ApiError.Conflict(refusal) : secret;
    }

    private static string? Refusal(StoredResource secret, string[] types)
    {
        if (!secret.Labels.TryGetValue(SecretCredentialProvider.CredentialTypeLabel, out var type))
        {
            return $"secret {secret.Key.Project}/{secret.Key.Name} exists, but is not labeled with {SecretCredentialProvider.CredentialTypeLabel}";
        }
        return types.Contains(type, StringComparer.Ordinal)
            ? null
            : $"Kubernetes Secret {secret.Key.Project}/{secret.Key.Name} exists, but is labeled as unrecognized credential type \"{type}\"";
    }

    private static JsonObject Sanitized(StoredResource secret, SecretCipher cipher)
    {
        var manifest = ManifestEnvelope.ToManifest(secret);
        var keys = (manifest["data"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
        var opened = SecretSealing.TryOpenAll(secret.Spec, secret.Key.Project, secret.Key.Name, cipher, out var values, out _) ? values : null;
        var clear = new JsonObject();
        foreach (var key in keys)
        {
            clear[key] = opened is not null && ClearFields.Contains(key, StringComparer.Ordinal) && opened.TryGetValue(key, out var value) ? value : ManifestJson.Redacted;
        }
        manifest.Remove("data");
        manifest["stringData"] = clear;
        if (manifest["metadata"]?["annotations"] is JsonObject annotations)
        {
            foreach (var name in annotations.Select(p => p.Key).Where(k => k != DescriptionAnnotation).ToList())
            {
                annotations[name] = ManifestJson.Redacted;
            }
        }
        return manifest;
    }
}
