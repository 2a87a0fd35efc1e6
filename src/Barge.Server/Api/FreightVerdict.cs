using Barge.Engine.Pipeline;
using Barge.Storage;

namespace Barge.Server.Api;

/// <summary>A piece of Freight of an origin a Stage requests, with the engine's verdict on its availability to that Stage.</summary>
public sealed record FreightVerdict(StoredResource Freight, AvailabilityVerdict Verdict);
