namespace Barge.Engine.Credentials;

/// <summary>
/// A Kubernetes-style Secret as the credential providers see it: its name, labels and decrypted
/// string data (<c>repoURL</c>, <c>repoURLIsRegex</c>, <c>username</c>, <c>password</c>).
/// </summary>
public sealed record SecretRecord(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Data)
{
    public override string ToString() => $"Secret \"{Name}\"";
}
