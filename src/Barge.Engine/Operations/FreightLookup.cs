using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Engine.Operations;

/// <summary>A Freight found by name or alias, or why not.</summary>
internal sealed record FreightLookup(StoredResource? Stored, Freight? Freight, OperationFailure Failure, string Message);
