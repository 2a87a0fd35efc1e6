namespace Barge.Engine.Git;

/// <summary>
/// An exclusive lock across processes on one mirror: a lock file opened with no sharing (an
/// <c>flock</c> on Unix), held until disposed. Waiting polls, so a crashed holder never blocks
/// anyone: the operating system drops its lock with the process.
/// </summary>
internal sealed class GitMirrorLock : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly FileStream stream;

    private GitMirrorLock(FileStream stream) => this.stream = stream;

    public static async Task<GitMirrorLock> AcquireAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        while (true)
        {
            try
            {
                return new GitMirrorLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(PollInterval, time, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
