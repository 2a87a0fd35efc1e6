namespace Barge.Storage;

/// <summary>An update, status write or delete named a resource that is not stored.</summary>
public sealed class ResourceNotFoundException : ResourceStoreException
{
    public ResourceNotFoundException(ResourceKey key)
        : base(key, $"{key} not found")
    {
    }
}
