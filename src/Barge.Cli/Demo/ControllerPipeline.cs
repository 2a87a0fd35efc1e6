using Barge.Engine.Controllers;
using Barge.Engine.Credentials;
using Barge.Storage;
using Microsoft.Extensions.Logging;

namespace Barge.Cli.Demo;

/// <summary>
/// The pipeline as <c>barge reconcile --until-idle</c> runs it: one <see cref="PipelineController"/>
/// (Warehouse, Stage and Promotion reconcilers on one runtime) in this process, on the demo's store.
/// </summary>
internal sealed class ControllerPipeline : IDemoPipeline
{
    private static readonly TimeSpan IdleWindow = TimeSpan.FromMilliseconds(100);
    private readonly IResourceStore _store;
    private readonly string _project;
    private readonly PipelineController _controller;

    public ControllerPipeline(IResourceStore store, string project, string home, SecretCipher cipher, TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        _project = project;
        _controller = new PipelineController(store, home, cipher, time, loggers);
    }

    public string Description => "the pipeline controller: Warehouse, Stage and Promotion reconcilers";

    /// <summary>Until nothing is pending and no requeue (a soak deadline, an interval) is due within 100 ms.</summary>
    public async Task SettleAsync(CancellationToken cancellationToken) =>
        await _controller.Runtime.RunUntilIdleAsync(IdleWindow, cancellationToken);

    /// <summary>The audit trail's PromotionFinished entries.</summary>
    public async Task<IReadOnlyList<DemoHistoryRow>> HistoryAsync(CancellationToken cancellationToken) =>
        await AuditHistory.ReadAsync(_store, _project, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _controller.Dispose();
        return ValueTask.CompletedTask;
    }
}
