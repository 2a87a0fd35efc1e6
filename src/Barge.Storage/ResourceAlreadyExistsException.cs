namespace Barge.Storage;

/// <summary>A create named a resource that is already stored.</summary>
public sealed class ResourceAlreadyExistsException : ResourceStoreException
{
    public ResourceAlreadyExistsException(ResourceKey key)
        : base(key, $"{key} already exists")
    {
    }
}
