using System.Text.Json;

namespace Barge.Storage;

/// <summary>One write of an atomic batch (<see cref="IResourceStore.ApplyAsync"/>), each with its own precondition.</summary>
public abstract record StoreOperation
{
    private StoreOperation()
    {
    }

    /// <summary>The resource the operation writes.</summary>
    public abstract ResourceKey Key { get; }

    /// <summary>Create; fails if the resource exists.</summary>
    public sealed record Create(NewResource Resource) : StoreOperation
    {
        public override ResourceKey Key => Resource.Key;
    }

    /// <summary>Update metadata and spec with compare-and-swap.</summary>
    public sealed record Update(ResourceUpdate Change) : StoreOperation
    {
        public override ResourceKey Key => Change.Key;
    }

    /// <summary>Replace the status with compare-and-swap; never bumps generation.</summary>
    public sealed record UpdateStatus(ResourceKey Target, long ExpectedResourceVersion, JsonElement Status) : StoreOperation
    {
        public override ResourceKey Key => Target;
    }

    /// <summary>Delete; with compare-and-swap when <paramref name="ExpectedResourceVersion"/> is given.</summary>
    public sealed record Delete(ResourceKey Target, long? ExpectedResourceVersion = null) : StoreOperation
    {
        public override ResourceKey Key => Target;
    }
}
