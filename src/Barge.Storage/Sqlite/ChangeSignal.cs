namespace Barge.Storage.Sqlite;

/// <summary>
/// Wakes this process's watches when this process commits a write. A watcher takes <see cref="Next"/>
/// before it reads the change table, so a commit between its read and its wait still wakes it.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse()
    {
        var fired = Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        fired.TrySetResult();
    }
}
