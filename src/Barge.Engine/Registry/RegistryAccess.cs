using Barge.Engine.Credentials;

namespace Barge.Engine.Registry;

/// <summary>How to reach one repository: optional credentials and whether to skip TLS verification.</summary>
public sealed record RegistryAccess(RepositoryCredentials? Credentials = null, bool InsecureSkipTlsVerify = false)
{
    public static RegistryAccess Anonymous { get; } = new();
}
