using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Orleans.Blockchain.Web.Tests.Browser;

/// <summary>One miner's web page in the browser, read the way a person reads it: by labels, roles and text.
/// It records every console error and uncaught exception of the page, so a test can say there were none.</summary>
public sealed class MinerPage : IAsyncDisposable
{
    /// <summary>How long a test waits for the page to show something, in milliseconds.</summary>
    public const float Patience = 60_000;

    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _errors = new();

    private MinerPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"exception: {error}");
    }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions so far.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    public ILocator Chain => Page.Locator("#chain");

    public ILocator Genesis => Chain.Locator(".block[data-height='0']");

    public ILocator MessageInChain(string text) => Chain.Locator(".message", new() { HasText = text });

    /// <summary>The block whose messages include <paramref name="text"/> (the inner locator is relative to each block).</summary>
    public ILocator BlockHolding(string text) => Chain.Locator(".block", new() { Has = Page.Locator(".message", new() { HasText = text }) });

    public ILocator Receipt(string text) => Page.Locator("#receipts .receipt", new() { HasText = text });

    public ILocator Dialog => Page.Locator("#block-dialog");

    public static async Task<MinerPage> OpenAsync(IBrowserContext context, Uri url)
    {
        context.SetDefaultTimeout(Patience);
        var page = new MinerPage(context, await context.NewPageAsync());
        await page.Page.GotoAsync(url.ToString());
        // Until the page has shown the miner's first answers, as a person waits before using it: that first render
        // grows the status above the form, and a click whose press and release straddle it lands on neither button.
        await page.Page.Locator("body[data-height]").WaitForAsync();
        return page;
    }

    /// <summary>Types a message into the form and submits it, as a person would.</summary>
    public async Task AddMessageAsync(string text)
    {
        await Page.GetByLabel("Message", new() { Exact = true }).FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add message" }).ClickAsync();
    }

    /// <summary>Saves a screenshot (by default of the whole page) in the test output's <c>screenshots</c> folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(Artifacts.Directory, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
