using Microsoft.Playwright;

namespace Orleans.Blockchain.Web.Tests.Browser;

/// <summary>Debian's Chromium (<c>apt-get install chromium</c>) driven by Playwright, headless. Playwright's own
/// browser download is never used: it needs the internet, and the distribution's browser is what users have.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"The web page tests need Chromium at {ExecutablePath}: apt-get install chromium");
        }

        // Every wait in these tests is a poll with a deadline; this one is long enough for a block to be
        // mined and to reach a neighbour on a busy 2-core machine.
        Assertions.SetDefaultExpectTimeout(MinerPage.Patience);
        _playwright = await Playwright.CreateAsync();
        // Launch (not a persistent context) gives every run a fresh, temporary profile.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A new page in its own context (own cache and storage), the size of a desktop (as tall as asked) or a phone screen.</summary>
    public async Task<MinerPage> OpenAsync(Uri url, bool phone = false, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 812 } : new ViewportSize { Width = 1280, Height = height },
            DeviceScaleFactor = phone ? 2 : 1,
            IsMobile = phone,
            HasTouch = phone,
        });
        return await MinerPage.OpenAsync(context, url);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
