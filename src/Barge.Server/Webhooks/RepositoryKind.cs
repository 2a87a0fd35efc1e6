namespace Barge.Server.Webhooks;

/// <summary>The kind of subscription a pushed repository URL is compared with.</summary>
internal enum RepositoryKind
{
    Git,
    Image,
    Chart,
}
