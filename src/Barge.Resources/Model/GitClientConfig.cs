namespace Barge.Resources.Model;

/// <summary>The git identity for commits made by promotions.</summary>
public sealed record GitClientConfig
{
    /// <summary>Committer name.</summary>
    public string? Name { get; init; }

    /// <summary>Committer e-mail.</summary>
    public string? Email { get; init; }

    /// <summary>A Secret holding a signing key.</summary>
    public SecretReference? SigningKeySecret { get; init; }
}
