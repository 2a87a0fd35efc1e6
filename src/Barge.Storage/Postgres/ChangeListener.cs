using Barge.Storage.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Barge.Storage.Postgres;

/// <summary>
/// One dedicated connection per store that <c>LISTEN</c>s on the store's channel and pulses the
/// store's <see cref="ChangeSignal"/> on every notification, so watches wake when any replica commits.
/// Started by the first watch. When the connection fails it is replaced after a back-off (0.1 s
/// doubling to 5 s), and the signal is pulsed once the new one listens: notifications sent while it
/// was down are lost, so watches re-read the change table rather than trust that nothing happened.
/// </summary>
internal sealed class ChangeListener(string connectionString, string channel, ChangeSignal signal, TimeProvider time, ILogger logger, string store) : IAsyncDisposable
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private Task? _loop;
    private int _backendProcessId;

    /// <summary>How many times a listening connection was (re)established; for tests and diagnostics.</summary>
    public int Connections { get; private set; }

    /// <summary>Starts listening if no watch has yet, and waits until the first LISTEN is in place.</summary>
    public async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            _loop ??= Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        }
        // Until the first LISTEN is in place the watch polls; it never waits for a listener that cannot connect.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(_listening.Task, Task.Delay(TimeSpan.FromSeconds(5), time, wait.Token));
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The server process id of the current listening connection; 0 while there is none.</summary>
    public int BackendProcessId => Volatile.Read(ref _backendProcessId);

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }
            _stop.Cancel();
            loop = _loop;
        }
        if (loop is not null)
        {
            await loop;
        }
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var delay = FirstDelay;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, _) => signal.Pulse();
                await connection.OpenAsync(stop);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }
                Volatile.Write(ref _backendProcessId, connection.ProcessID);
                Connections++;
                PostgresStoreLog.Listening(logger, store, channel);
                _listening.TrySetResult();
                delay = FirstDelay;
                signal.Pulse();
                while (true)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or ObjectDisposedException)
            {
                Volatile.Write(ref _backendProcessId, 0);
                PostgresStoreLog.ListenerFailed(logger, store, delay, e);
                // Whatever was committed while the connection was down is found by re-reading.
                signal.Pulse();
                try
                {
                    await Task.Delay(delay, time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }
}
