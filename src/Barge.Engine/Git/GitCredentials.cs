namespace Barge.Engine.Git;

/// <summary>A username and password (or token) for a git remote. Never printed: see <see cref="ToString"/>.</summary>
internal sealed record GitCredentials(string Username, string Password)
{
    public override string ToString() => $"GitCredentials {{ Username = {Username}, Password = *** }}";
}
