namespace Barge.Engine.Git;

/// <summary>The HTTP basic-authentication account a <see cref="GitHttpServer"/> requires.</summary>
public sealed record GitHttpAccount(string User, string Password);
