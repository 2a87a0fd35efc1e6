using System.Text;
using System.Text.Json;
using Barge.Engine.Credentials;
using Barge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barge.Cli.Promote;

/// <summary>
/// The credential provider of a project's Secrets labelled <c>kargo.akuity.io/cred-type</c>, for the
/// git steps of an embedded promotion. Secret data is base64 (as in Kubernetes) and stringData plain;
/// a value that is not valid base64 is left out (and never printed).
/// </summary>
internal static class ProjectCredentials
{
    public static async Task<ICredentialProvider> LoadAsync(IResourceStore store, string project, CancellationToken cancellationToken)
    {
        var secrets = await store.ListAsync(ResourceQuery.OfKind("Secret", project), cancellationToken);
        var records = new List<SecretRecord>();
        foreach (var secret in secrets.Items.Where(s => s.Labels.ContainsKey(SecretCredentialProvider.CredentialTypeLabel)))
        {
            var data = new Dictionary<string, string>(StringComparer.Ordinal);
            if (secret.Spec.ValueKind == JsonValueKind.Object && secret.Spec.TryGetProperty("data", out var encoded) && encoded.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in encoded.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String))
                {
                    var bytes = new byte[entry.Value.GetString()!.Length];
                    if (Convert.TryFromBase64String(entry.Value.GetString()!, bytes, out var written))
                    {
                        data[entry.Name] = Encoding.UTF8.GetString(bytes, 0, written);
                    }
                }
            }
            if (secret.Spec.ValueKind == JsonValueKind.Object && secret.Spec.TryGetProperty("stringData", out var plain) && plain.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in plain.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String))
                {
                    data[entry.Name] = entry.Value.GetString()!;
                }
            }
            records.Add(new SecretRecord(secret.Key.Name, secret.Labels, data));
        }
        return new SecretCredentialProvider(records, NullLogger<SecretCredentialProvider>.Instance);
    }
}
