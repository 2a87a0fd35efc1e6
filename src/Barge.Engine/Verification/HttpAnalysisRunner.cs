using System.Security.Cryptography;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barge.Engine.Verification;

/// <summary>
/// The built-in analysis behind a Stage's <c>spec.verification</c> (kargo-spec.md §7.5): Argo Rollouts
/// analysis templates restricted to web metrics (docs/verification.md), run in-process. The run's state is
/// an <see cref="AnalysisRuns.Kind"/> resource in the store, written after every poll, so a restarted
/// controller resumes it: a start finds the run a crash left Running for the same Freight collection,
/// and a poll takes only the measurements that are due.
/// </summary>
public sealed partial class HttpAnalysisRunner : IVerificationRunner, IDisposable
{
    private readonly AnalysisRuns _runs;
    private readonly IResourceStore _store;
    private readonly TimeProvider _time;
    private readonly RandomNumberGenerator _random;
    private readonly ILogger _logger;
    private readonly HttpClient _secure;
    private readonly HttpClient _insecure;
    private readonly WebMeasurer _measurer;

    public HttpAnalysisRunner(IResourceStore store, TimeProvider time, RandomNumberGenerator random, ILogger<HttpAnalysisRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        _store = store;
        _runs = new AnalysisRuns(store);
        _time = time;
        _random = random;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        // Timeouts are per measurement (timeoutSeconds), so the clients' own are off.
        _secure = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
#pragma warning disable CA5359 // Used only for metrics whose template says `insecure: true`, as Argo's web provider does.
        _insecure = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
        }) { Timeout = Timeout.InfiniteTimeSpan };
#pragma warning restore CA5359
        _measurer = new WebMeasurer(_secure, _insecure, time);
    }

    public async Task<VerificationProgress> StartAsync(Stage stage, VerificationInfo pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(pending);
        var now = _time.GetUtcNow();
        if (stage.Status?.FreightHistory is not [{ Id: { Length: > 0 } collectionId }, ..])
        {
            return Finished(pending, VerificationPhase.Error, $"Stage \"{stage.Name}\" in project \"{stage.Project}\" has no current Freight to verify", now);
        }
        var run = await _runs.FindRunningAsync(stage.Project, stage.Name, collectionId, cancellationToken);
        if (run is null)
        {
            var (spec, error) = await AnalysisPlan.BuildAsync(_store, stage, collectionId, pending.Id ?? "", cancellationToken);
            if (spec is null)
            {
                LogCannotStart(_logger, stage.Project, stage.Name, error!);
                return Finished(pending, VerificationPhase.Error, error!, now);
            }
            var name = $"{stage.Name}.{Ulid.New(_time, _random)}.{collectionId}".ToLowerInvariant();
            var status = new AnalysisRunStatus { StartedAt = now, MetricResults = [.. spec.Metrics.Select(m => new MetricResult(m.Name!))] };
            run = await _runs.CreateAsync(stage.Project, name, spec, status, cancellationToken);
            LogStarted(_logger, stage.Project, stage.Name, name, spec.Metrics.Count);
        }
        var info = ToInfo(pending with { StartTime = pending.StartTime ?? now }, run);
        return new VerificationProgress(info, RecheckAfter(run, now));
    }

    public async Task<VerificationProgress> PollAsync(Stage stage, VerificationInfo running, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(running);
        var now = _time.GetUtcNow();
        if (running.AnalysisRun?.Name is not { Length: > 0 } name)
        {
            return Finished(running, VerificationPhase.Error, $"Stage \"{stage.Name}\" in project \"{stage.Project}\": verification \"{running.Id}\" names no analysis run", now);
        }
        var run = await _runs.GetAsync(stage.Project, name, cancellationToken);
        if (run is null)
        {
            return Finished(running, VerificationPhase.Error, $"Stage \"{stage.Name}\" in project \"{stage.Project}\": analysis run \"{name}\" not found", now);
        }
        if (run.Status.Phase != VerificationPhase.Running)
        {
            return new VerificationProgress(ToInfo(running, run), null);
        }
        var results = run.Status.MetricResults.ToList();
        var measured = false;
        for (var i = 0; i < results.Count; i++)
        {
            var metric = run.Spec.Metrics.FirstOrDefault(m => m.Name == results[i].Name);
            if (metric is null || MetricAssessment.NextDue(metric, results[i], run.Status.StartedAt) is not { } due || due > now)
            {
                continue;
            }
            var measurement = await _measurer.MeasureAsync(metric, cancellationToken);
            LogMeasured(_logger, stage.Project, stage.Name, metric.Name!, measurement.Phase, measurement.Value, measurement.Message);
            results[i] = MetricAssessment.Record(metric, results[i], measurement);
            measured = true;
            if (results[i].Phase is VerificationPhase.Failed or VerificationPhase.Error or VerificationPhase.Inconclusive)
            {
                break;
            }
        }
        if (!measured)
        {
            return new VerificationProgress(ToInfo(running, run), RecheckAfter(run, now));
        }
        var phase = MetricAssessment.RunPhase(results);
        var finished = phase != VerificationPhase.Running;
        var status = run.Status with
        {
            Phase = phase,
            MetricResults = results,
            FinishedAt = finished ? _time.GetUtcNow() : null,
            Message = finished ? results.FirstOrDefault(r => r.Phase == phase && r.Message is not null)?.Message : null,
        };
        try
        {
            run = await _runs.UpdateStatusAsync(run, status, cancellationToken);
        }
        catch (ResourceConflictException)
        {
            // Another poll (or an abort) wrote the run in between: its state wins, these measurements are dropped.
            run = await _runs.GetAsync(stage.Project, name, cancellationToken) ?? run;
        }
        if (run.Status.Phase != VerificationPhase.Running)
        {
            LogFinished(_logger, stage.Project, stage.Name, name, run.Status.Phase, run.Status.Message);
        }
        return new VerificationProgress(ToInfo(running, run), RecheckAfter(run, _time.GetUtcNow()));
    }

    public async Task AbortAsync(Stage stage, VerificationInfo aborted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(aborted);
        if (aborted.AnalysisRun?.Name is not { Length: > 0 } name)
        {
            return;
        }
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var run = await _runs.GetAsync(stage.Project, name, cancellationToken);
            if (run is null || run.Status.Phase != VerificationPhase.Running)
            {
                return;
            }
            try
            {
                await _runs.UpdateStatusAsync(run, run.Status with
                {
                    Phase = VerificationPhase.Aborted,
                    FinishedAt = _time.GetUtcNow(),
                    Message = aborted.Message ?? "aborted by request",
                }, cancellationToken);
                return;
            }
            catch (ResourceConflictException)
            {
                // A poll wrote the run in between; read it again.
            }
        }
    }

    /// <summary>Deletes the analysis runs of a Stage that is being deleted (kargo-spec.md §7.5); returns how many there were.</summary>
    public Task<int> DeleteRunsAsync(string project, string stage, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        return _runs.DeleteForStageAsync(project ?? "", stage, cancellationToken);
    }

    public void Dispose()
    {
        _secure.Dispose();
        _insecure.Dispose();
    }

    private static VerificationInfo ToInfo(VerificationInfo info, StoredRun run) => info with
    {
        Phase = run.Status.Phase,
        Message = run.Status.Message,
        FinishTime = run.Status.FinishedAt,
        AnalysisRun = new AnalysisRunReference { Namespace = run.Stored.Key.Project, Name = run.Stored.Key.Name, Phase = run.Status.Phase.ToString() },
    };

    private static VerificationProgress Finished(VerificationInfo info, VerificationPhase phase, string message, DateTimeOffset now) =>
        new(info with { Phase = phase, Message = message, StartTime = info.StartTime ?? now, FinishTime = now }, null);

    private static TimeSpan? RecheckAfter(StoredRun run, DateTimeOffset now)
    {
        if (run.Status.Phase != VerificationPhase.Running)
        {
            return null;
        }
        var next = run.Status.MetricResults
            .Select(r => run.Spec.Metrics.FirstOrDefault(m => m.Name == r.Name) is { } metric ? MetricAssessment.NextDue(metric, r, run.Status.StartedAt) : null)
            .Where(d => d is not null)
            .Min();
        return next is { } due && due > now ? due - now : TimeSpan.Zero;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "verification of Stage {Project}/{Stage} cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string project, string stage, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "verification of Stage {Project}/{Stage}: analysis run {Run} started with {Metrics} metric(s)")]
    private static partial void LogStarted(ILogger logger, string project, string stage, string run, int metrics);

    [LoggerMessage(Level = LogLevel.Debug, Message = "verification of Stage {Project}/{Stage}: metric {Metric} measured {Phase} (value {Value}) {Message}")]
    private static partial void LogMeasured(ILogger logger, string project, string stage, string metric, VerificationPhase phase, string? value, string? message);

    [LoggerMessage(Level = LogLevel.Information, Message = "verification of Stage {Project}/{Stage}: analysis run {Run} finished {Phase}: {Message}")]
    private static partial void LogFinished(ILogger logger, string project, string stage, string run, VerificationPhase phase, string? message);
}
