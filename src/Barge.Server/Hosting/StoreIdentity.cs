namespace Barge.Server.Hosting;

/// <summary>The store a server runs on, as readiness reports it: its kind and where it is (never a password).</summary>
public sealed record StoreIdentity(string Kind, string Description);
