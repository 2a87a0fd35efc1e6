using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Barge.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Barge.Server.Api;

/// <summary>
/// The serialized body of recent list responses (Stages, Warehouses, Promotions, the Freight query by
/// origin), each valid for exactly the store resourceVersion it was read at: while nothing in the store
/// changes, a list costs one version read and a copy of bytes instead of a store query and a
/// serialization (200 clients polling a 500-Stage project); the version is the request's own
/// (<see cref="StoreVersions"/>: read once, shared with the access check and between concurrent
/// requests). Any write anywhere moves the version and the
/// next request reads afresh, so a client never sees an older list than it would without the cache.
/// Only answers that depend on the store alone are cached: the Freight available to a Stage also
/// depends on the clock (soak time) and is never cached. A client that accepts gzip (browsers, Go's
/// HTTP client, which Kargo's CLI uses) gets the body compressed once per version (a 500-Stage list
/// of 217 KiB is ~12 KiB gzipped), so the bytes each request copies shrink too.
/// </summary>
internal sealed class ListResponseCache(StoreVersions versions)
{
    /// <summary>More distinct lists than this (filters come from query strings) empty the cache first.</summary>
    private const int MaxEntries = 256;

    private const string JsonType = "application/json; charset=utf-8";

    private readonly ConcurrentDictionary<string, Snapshot> _entries = new(StringComparer.Ordinal);
    private long _hits;

    /// <summary>How many answers were served from the cache (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>How many version reads reached the store.</summary>
    public long VersionReads => versions.StoreReads;

    /// <summary>A Kubernetes list (<c>{"metadata":{"resourceVersion"},"items"}</c>).</summary>
    /// <param name="key">What identifies the list: kind, project and filter.</param>
    /// <param name="list">Reads the list from the store.</param>
    public Task<IResult> GetAsync(string key, Func<CancellationToken, Task<ResourceList>> list, HttpContext context) =>
        GetBodyAsync(key, async ct =>
        {
            var fresh = await list(ct);
            return (ApiOutcome<Snapshot>)new Snapshot(fresh.ResourceVersion, Serialize(writer => ManifestJson.WriteList(writer, fresh.Items, fresh.ResourceVersion)));
        }, context);

    /// <summary>
    /// Any body read at one store version: <paramref name="read"/> returns the version it read at and the
    /// bytes, or an error (never cached).
    /// </summary>
    public async Task<IResult> GetBodyAsync(string key, Func<CancellationToken, Task<ApiOutcome<Snapshot>>> read, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var version = await versions.OfRequestAsync(context);
        if (_entries.TryGetValue(key, out var cached) && cached.Version == version)
        {
            Interlocked.Increment(ref _hits);
            return cached.Result;
        }
        var fresh = await read(context.RequestAborted);
        if (!fresh.Succeeded)
        {
            return Problems.Result(fresh.Error);
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = fresh.Value;
        return fresh.Value.Result;
    }

    /// <summary>Writes one JSON document to bytes.</summary>
    public static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return buffer.ToArray();
    }

    /// <summary>Whether the request's <c>Accept-Encoding</c> admits gzip (a <c>q=0</c> refuses it).</summary>
    internal static bool AcceptsGzip(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0)
        {
            return false;
        }
        if (header.Count == 1 && header[0] is "gzip" or "gzip, deflate" or "gzip, deflate, br")
        {
            return true;
        }
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var values))
        {
            return false;
        }
        return values.Any(v => v.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (v.Quality ?? 1) > 0);
    }

    /// <summary>A serialized answer and the store version it was read at; its gzip form is made on first use.</summary>
    public sealed record Snapshot(long Version, byte[] Body)
    {
        private object? _gzipLock;
        private byte[]? _gzip;
        private bool _compressed;
        private CachedBody? _result;

        /// <summary>
        /// The body gzip-compressed, computed once: after a write, 200 clients asking at once wait for one
        /// compression instead of each making its own.
        /// </summary>
        public byte[] Gzip
        {
            get => LazyInitializer.EnsureInitialized(ref _gzip, ref _compressed, ref _gzipLock, () => Compress(Body))!;
        }

        /// <summary>The one result object that writes this snapshot (it holds no per-request state).</summary>
        internal IResult Result => _result ??= new CachedBody(this);

        private static byte[] Compress(byte[] body)
        {
            using var buffer = new MemoryStream(body.Length / 8);
            using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(body);
            }
            return buffer.ToArray();
        }
    }

    /// <summary>Writes a snapshot, gzip-encoded when the client accepts it.</summary>
    private sealed class CachedBody(Snapshot snapshot) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = 200;
            response.ContentType = JsonType;
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            var body = snapshot.Body;
            if (AcceptsGzip(httpContext.Request))
            {
                body = snapshot.Gzip;
                response.Headers.ContentEncoding = "gzip";
            }
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
