namespace Barge.Engine.Registry;

/// <summary>
/// Counts of the HTTP requests a <see cref="RegistryClient"/> has sent, by purpose (every attempt,
/// retries and redirects included). They prove what the metadata cache saves and feed metrics.
/// </summary>
public sealed class RegistryRequestCounters
{
    private long _tagListPages;
    private long _manifestGets;
    private long _manifestHeads;
    private long _blobGets;
    private long _tokenRequests;
    private long _retries;
    private long _total;

    public long TagListPages => Interlocked.Read(ref _tagListPages);

    public long ManifestGets => Interlocked.Read(ref _manifestGets);

    public long ManifestHeads => Interlocked.Read(ref _manifestHeads);

    public long BlobGets => Interlocked.Read(ref _blobGets);

    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Every request sent, of any purpose.</summary>
    public long Total => Interlocked.Read(ref _total);

    public override string ToString() =>
        $"total={Total} tagPages={TagListPages} manifestGets={ManifestGets} manifestHeads={ManifestHeads} blobGets={BlobGets} tokens={TokenRequests} retries={Retries}";

    internal void Count(RegistryRequestKind kind)
    {
        Interlocked.Increment(ref _total);
        switch (kind)
        {
            case RegistryRequestKind.TagList:
                Interlocked.Increment(ref _tagListPages);
                break;
            case RegistryRequestKind.ManifestGet:
                Interlocked.Increment(ref _manifestGets);
                break;
            case RegistryRequestKind.ManifestHead:
                Interlocked.Increment(ref _manifestHeads);
                break;
            case RegistryRequestKind.BlobGet:
                Interlocked.Increment(ref _blobGets);
                break;
            case RegistryRequestKind.Token:
                Interlocked.Increment(ref _tokenRequests);
                break;
            default:
                break;
        }
    }

    internal void CountRetry() => Interlocked.Increment(ref _retries);
}
