using Barge.Testing;
using Microsoft.Playwright;

namespace Barge.Ui.Tests.Harness;

/// <summary>
/// One headless Debian Chromium per test collection, driven by Playwright with a fresh profile
/// (<c>--user-data-dir</c> in a temp folder, through a persistent context) and the flags that keep it
/// from reaching for hosts this machine cannot reach. Playwright never downloads a browser here:
/// <see cref="ChromiumPath"/> names the binary <c>scripts/services/chromium.sh install</c> puts there.
/// A missing browser fails the tests with that instruction; it never skips them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The flags every launch passes, besides headless.</summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private TempDirectory? _profile;
    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    /// <summary>The browser binary: <c>$BARGE_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("BARGE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// Where <see cref="ScreenshotAsync"/> writes: <c>$BARGE_UI_SCREENSHOTS</c>, else
    /// <c>tests/Barge.Ui.Tests/screenshots</c> (ignored by git; a test artifact).
    /// </summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("BARGE_UI_SCREENSHOTS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(RepoPaths.Root, "tests", "Barge.Ui.Tests", "screenshots");

    /// <summary>The browser context (one profile, shared by the collection's pages; clear its cookies to sign out).</summary>
    public IBrowserContext Context => _context ?? throw new InvalidOperationException("The browser fixture is not initialised.");

    public async Task InitializeAsync()
    {
        var path = ChromiumPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {path}: the UI tests need Debian's chromium (run scripts/services/chromium.sh install as root, or set BARGE_CHROMIUM).");
        }
        _profile = new TempDirectory("barge-chromium");
        _playwright = await Playwright.CreateAsync();
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ChromiumArgs,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Timeout = 60_000,
        });
    }

    /// <summary>A new tab with the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var page = await Context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        return page;
    }

    /// <summary>Saves a PNG of <paramref name="page"/> as <c>NAME.png</c> in <see cref="ScreenshotDirectory"/>; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Screenshot name \"{name}\" is not a plain file name.", nameof(name));
        }
        Directory.CreateDirectory(ScreenshotDirectory);
        var file = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
        return file;
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
            _context = null;
        }
        _playwright?.Dispose();
        _playwright = null;
        Dispose();
    }

    public void Dispose()
    {
        _profile?.Dispose();
        _profile = null;
    }
}
