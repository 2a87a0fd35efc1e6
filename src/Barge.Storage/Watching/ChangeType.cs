namespace Barge.Storage.Watching;

/// <summary>What a write did to a resource (Kubernetes watch event types).</summary>
public enum ChangeType
{
    Added,
    Modified,
    Deleted,
}
