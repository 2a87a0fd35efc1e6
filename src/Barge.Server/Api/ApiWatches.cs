using Barge.Server.Watching;
using Barge.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Barge.Server.Api;

/// <summary>Turns a watch request into a streaming result (<see cref="SseWatch"/>).</summary>
internal sealed class ApiWatches(SseWatch watch, IHostApplicationLifetime lifetime)
{
    public IResult Collection(ResourceQuery query, Func<StoredResource, bool> matches) =>
        new Stream(context => RunAsync(context, token => watch.StreamAsync(context, query, matches, token)));

    public IResult One(StoredResource current) =>
        new Stream(context => RunAsync(context, token => watch.StreamOneAsync(context, current, token)));

    /// <summary>A watch ends when its client goes away or the server stops (shutdown must not wait for it).</summary>
    private async Task RunAsync(HttpContext context, Func<CancellationToken, Task> stream)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await stream(linked.Token);
    }

    private sealed class Stream(Func<HttpContext, Task> run) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => run(httpContext);
    }
}
