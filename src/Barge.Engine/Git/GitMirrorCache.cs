using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barge.Engine.Git;

/// <summary>
/// One bare mirror per repository under <c>$BARGE_HOME/cache/git</c>, shared by every subscription
/// that watches it. A sync asks the remote for its refs (<c>ls-remote</c>) and fetches only when they
/// moved since the last fetch; callers that arrive while a sync runs wait for it and then run their
/// own, unless a sync began after they arrived (that one already saw everything they would). One
/// mirror is synced by one caller at a time: a semaphore per key inside the process and a lock
/// file across processes.
/// </summary>
internal sealed class GitMirrorCache : IDisposable
{
    private const string SnapshotFile = "barge-refs";
    private static readonly string[] FetchRefspecs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];

    private readonly string root;
    private readonly GitCli git;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, MirrorState> states = new(StringComparer.Ordinal);

    /// <param name="root">The cache folder, usually <see cref="DefaultRoot"/> of <c>$BARGE_HOME</c>.</param>
    public GitMirrorCache(string root, GitCli git, TimeProvider time, ILogger<GitMirrorCache>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(time);
        this.root = Path.GetFullPath(root);
        this.git = git;
        this.time = time;
        this.logger = logger ?? NullLogger<GitMirrorCache>.Instance;
    }

    public static string DefaultRoot(string bargeHome) => Path.Combine(bargeHome, "cache", "git");

    /// <summary>
    /// The mirror's folder for a key. The key is the caller's normalised repository URL; it is hashed
    /// so any URL gives a safe, fixed-length name, with a readable prefix for whoever lists the folder.
    /// </summary>
    public string DirectoryFor(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
        var readable = new string([.. key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]).Trim('_', '.');
        if (readable.Length > 48)
        {
            readable = readable[^48..].TrimStart('_', '.');
        }
        return Path.Combine(root, readable.Length == 0 ? hash : readable + "-" + hash);
    }

    /// <summary>
    /// Brings the mirror of <paramref name="url"/> up to date (creating it on first use) and returns
    /// it. No fetch happens when the remote's branches and tags are where the last fetch left them.
    /// </summary>
    /// <param name="key">The normalised repository URL: every spelling of one repository shares a mirror.</param>
    /// <param name="url">The URL git talks to, without credentials.</param>
    public async Task<GitOutcome<GitMirror>> SyncAsync(
        string key, string url, GitCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(url);
        var state = states.GetOrAdd(key, _ => new MirrorState());
        var arrivedAfter = Volatile.Read(ref state.SyncsStarted);
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            if (state.SyncsStarted > arrivedAfter && state.Last is { } recent)
            {
                GitLog.MirrorShared(logger, recent.Url);
                return GitOutcome<GitMirror>.Success(recent);
            }
            Interlocked.Increment(ref state.SyncsStarted);
            state.Last = null;
            var directory = DirectoryFor(key);
            Directory.CreateDirectory(root);
            await using var fileLock = await GitMirrorLock.AcquireAsync(directory + ".lock", time, cancellationToken);
            var outcome = await SyncLockedAsync(directory, url, credentials, cancellationToken);
            if (outcome.Succeeded)
            {
                state.Last = outcome.Value;
            }
            return outcome;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private async Task<GitOutcome<GitMirror>> SyncLockedAsync(
        string directory, string url, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var shownUrl = UrlRedaction.Redact(url);
        var run = new GitRunOptions(WorkingDirectory: root, Credentials: credentials);
        var listed = await git.RunAsync(
            ["ls-remote", "--symref", url, "HEAD", "refs/heads/*", "refs/tags/*"], run, cancellationToken);
        if (!listed.Succeeded)
        {
            return GitOutcome<GitMirror>.Failure($"listing refs of git repository \"{shownUrl}\": {listed.Describe()}");
        }
        var remote = RemoteRefSnapshot.Parse(listed.StandardOutput);
        var stored = ReadSnapshot(directory);
        if (stored is not null && stored.SameAs(remote))
        {
            GitLog.MirrorUnchanged(logger, shownUrl);
            return GitOutcome<GitMirror>.Success(new GitMirror(directory, shownUrl, remote, git));
        }

        var clock = time.GetTimestamp();
        var created = stored is null;
        var target = created ? directory + ".new-" + Guid.NewGuid().ToString("N")[..8] : directory;
        if (created)
        {
            RemoveLeftovers(directory);
        }
        var fetchError = created
            ? await CloneAsync(url, target, run, cancellationToken)
            : await FetchAsync(url, target, run, cancellationToken);
        if (fetchError is not null)
        {
            if (created)
            {
                TryDelete(target);
            }
            return GitOutcome<GitMirror>.Failure($"{(created ? "creating the mirror of" : "fetching")} git repository \"{shownUrl}\": {fetchError}");
        }
        if (remote.DefaultBranch is { } defaultBranch)
        {
            await git.RunAsync(["--git-dir=" + target, "symbolic-ref", "HEAD", "refs/heads/" + defaultBranch], run with { WorkingDirectory = target }, cancellationToken);
        }
        // The snapshot taken before the fetch is recorded: if the remote moved meanwhile, the next
        // ls-remote differs from it and fetches again, which is the safe direction.
        await File.WriteAllTextAsync(Path.Combine(target, SnapshotFile), remote.Serialize(), cancellationToken);
        if (created)
        {
            TryDelete(directory);
            Directory.Move(target, directory);
        }
        GitLog.MirrorFetched(logger, shownUrl, (long)time.GetElapsedTime(clock).TotalMilliseconds, created ? "new mirror" : "refs moved");
        return GitOutcome<GitMirror>.Success(new GitMirror(directory, shownUrl, remote, git));
    }

    // A first copy is a bare clone into a fresh folder (clone writes packed refs, which is much
    // faster than a fetch creating thousands of loose ones); the caller moves it into place.
    private async Task<string?> CloneAsync(string url, string target, GitRunOptions run, CancellationToken cancellationToken)
    {
        // No automatic gc: it would run in the background while other subscriptions read.
        var clone = await git.RunAsync(["clone", "--quiet", "--bare", "--config", "gc.auto=0", url, target], run, cancellationToken);
        if (!clone.Succeeded)
        {
            return clone.Describe();
        }
        // Fetches name the URL each time; the mirror keeps no remote, so no URL is stored on disk.
        var unset = await git.RunAsync(["--git-dir=" + target, "config", "--remove-section", "remote.origin"], run with { WorkingDirectory = target }, cancellationToken);
        return unset.Succeeded ? null : unset.Describe();
    }

    // Heads and tags only, with explicit refspecs (no tag auto-following), pruning what the
    // remote deleted.
    private async Task<string?> FetchAsync(string url, string target, GitRunOptions run, CancellationToken cancellationToken)
    {
        var fetched = await git.RunAsync(
            ["--git-dir=" + target, "fetch", "--quiet", "--prune", "--no-tags", "--no-write-fetch-head", url, .. FetchRefspecs],
            run with { WorkingDirectory = target },
            cancellationToken);
        return fetched.Succeeded ? null : fetched.Describe();
    }

    // A mirror is only trusted once its snapshot file exists: that file is written last, so a crash
    // during creation leaves a folder that is rebuilt rather than a half-fetched mirror taken for whole.
    private static RemoteRefSnapshot? ReadSnapshot(string directory)
    {
        var path = Path.Combine(directory, SnapshotFile);
        if (!File.Exists(path) || !File.Exists(Path.Combine(directory, "HEAD")))
        {
            return null;
        }
        return RemoteRefSnapshot.Parse(File.ReadAllText(path));
    }

    private static void RemoveLeftovers(string directory)
    {
        var parent = Path.GetDirectoryName(directory)!;
        foreach (var leftover in Directory.EnumerateDirectories(parent, Path.GetFileName(directory) + ".new-*"))
        {
            TryDelete(leftover);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next sync's RemoveLeftovers; a stray folder does not affect correctness.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    public void Dispose()
    {
        foreach (var state in states.Values)
        {
            state.Dispose();
        }
    }

    private sealed class MirrorState : IDisposable
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long SyncsStarted;
        public GitMirror? Last;

        public void Dispose() => Gate.Dispose();
    }
}
