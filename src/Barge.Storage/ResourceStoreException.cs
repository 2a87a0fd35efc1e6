namespace Barge.Storage;

/// <summary>A write the store refused because of the stored state; <see cref="Key"/> names the resource.</summary>
public abstract class ResourceStoreException : Exception
{
    private protected ResourceStoreException(ResourceKey key, string message)
        : base(message)
    {
        Key = key;
    }

    /// <summary>The resource the refused write was about.</summary>
    public ResourceKey Key { get; }

    /// <summary>The position of the refused operation in its batch; null outside a batch.</summary>
    public int? BatchIndex { get; internal init; }
}
