namespace Barge.Engine.Git;

/// <summary>A ref advertised by a remote: its full name (<c>refs/tags/v1.0.0</c>) and the object it points at.</summary>
internal sealed record RemoteRef(string Name, string Id);
