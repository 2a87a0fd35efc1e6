using Barge.Storage;

namespace Barge.Server.Api;

/// <summary>One document's result: what happened and the resource after it (the last state for a delete).</summary>
public sealed record DocumentResult(DocumentOutcome Outcome, StoredResource Resource);
