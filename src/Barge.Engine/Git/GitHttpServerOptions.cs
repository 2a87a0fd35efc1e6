namespace Barge.Engine.Git;

/// <summary>How a <see cref="GitHttpServer"/> serves: whether pushes are taken, and the one account allowed in (none: anonymous).</summary>
public sealed record GitHttpServerOptions(bool AllowPush = false, GitHttpAccount? Account = null);
