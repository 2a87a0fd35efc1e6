namespace Barge.Engine.Credentials;

/// <summary>
/// A source of credentials for repositories: the plug-in point where the store-backed Secret
/// source, and later cloud-specific providers, come in. A provider answers null when it has no
/// credentials for the repository, which means "try anonymously".
/// </summary>
public interface ICredentialProvider
{
    /// <summary>A short name for diagnostics (never part of a credential).</summary>
    string Name { get; }

    ValueTask<RepositoryCredentials?> GetCredentialsAsync(CredentialType type, string repoUrl, CancellationToken cancellationToken);
}
