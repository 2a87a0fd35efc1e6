namespace Barge.Engine.Credentials;

/// <summary>
/// A username and password for a repository (git, image registry or Helm repository). The
/// password never appears in <see cref="ToString"/>, so a credential that slips into a log line
/// or an exception message prints as redacted.
/// </summary>
public sealed record RepositoryCredentials(string Username, string Password)
{
    public override string ToString() => $"RepositoryCredentials {{ Username = {Username}, Password = <redacted> }}";
}
