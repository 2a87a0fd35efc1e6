namespace Barge.Storage.Leasing;

/// <summary>
/// A named lease held by one holder until <see cref="ExpiresAt"/>. <see cref="Term"/> increases each
/// time the lease changes hands, so work stamped with a term can be fenced off after a takeover.
/// </summary>
public sealed record Lease(string Name, string Holder, long Term, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);
