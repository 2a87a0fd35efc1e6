using Barge.Storage;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Credentials;

/// <summary>
/// The project's credential Secrets from the store (kind <c>Secret</c>, label
/// <c>kargo.akuity.io/cred-type</c>), opened with the home's <see cref="SecretCipher"/> and served
/// through <see cref="SecretCredentialProvider"/>'s Kargo matching. A Secret that does not open is
/// skipped with a warning naming it (never its values).
/// </summary>
public sealed partial class StoreCredentialSource(IResourceStore store, SecretCipher cipher, ILoggerFactory loggers, bool allowCredentialsOverHttp = false)
{
    private readonly ILogger _logger = loggers.CreateLogger<StoreCredentialSource>();

    /// <summary>A provider over the credential Secrets of <paramref name="project"/> as they are now.</summary>
    public async Task<ICredentialProvider> ForProjectAsync(string project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var query = ResourceQuery.OfKind("Secret", project) with
        {
            Labels = Storage.Selection.LabelSelector.Parse(SecretCredentialProvider.CredentialTypeLabel),
        };
        var list = await store.ListAsync(query, cancellationToken);
        var records = new List<SecretRecord>(list.Items.Count);
        foreach (var secret in list.Items)
        {
            if (!SecretSealing.TryOpenAll(secret.Spec, project, secret.Key.Name, cipher, out var values, out var error))
            {
                LogUnreadable(_logger, error);
                continue;
            }
            records.Add(new SecretRecord(secret.Key.Name, secret.Labels, values));
        }
        return new SecretCredentialProvider(records, loggers.CreateLogger<SecretCredentialProvider>(), allowCredentialsOverHttp);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "credential Secret skipped: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
