namespace Barge.Server.Webhooks;

/// <summary>A normalised repository URL named by an event, as one kind of subscription would spell it.</summary>
internal sealed record RepositoryUrl(RepositoryKind Kind, string Url);
