namespace Barge.Engine.Credentials;

/// <summary>The value of the <c>kargo.akuity.io/cred-type</c> label a credential Secret carries.</summary>
public enum CredentialType
{
    Git,
    Image,
    Helm,
}
