using System.Globalization;
using Microsoft.Playwright;
using Orleans.Blockchain.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Blockchain.Web.Tests;

/// <summary>The page each gateway serves at <c>/</c>, in a real browser, against real miners.</summary>
public sealed class WebPageTests(ChromiumFixture chromium, TwoMiners miners) : IClassFixture<TwoMiners>
{
    [Fact]
    public async Task The_page_loads_without_console_errors_and_shows_the_genesis_block()
    {
        await using var page = await chromium.OpenAsync(miners.First.Url);

        var genesis = (await miners.First.GetChainAsync()).Chain[0];
        await Expect(page.Page.Locator("#connection")).ToHaveTextAsync("Connected to this miner");
        await Expect(page.Page.Locator("#miner-name")).ToHaveTextAsync(miners.First.Name);
        await Expect(page.Genesis).ToContainTextAsync("Genesis block");
        await Expect(page.Genesis.Locator(".hash").First).ToHaveTextAsync(genesis.Hash);
        await Expect(page.Page.GetByLabel("Message", new() { Exact = true })).ToBeEditableAsync();
        await Expect(page.Page.Locator("#neighbours")).ToContainTextAsync(miners.Second.Url.ToString());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task A_message_added_through_the_form_is_mined_and_shown_on_both_miners_pages()
    {
        await using var first = await chromium.OpenAsync(miners.First.Url);
        await using var second = await chromium.OpenAsync(miners.Second.Url, phone: true);
        string[] texts = ["Hello from the web page", "Each block names the hash of the one before", "UTF-8 too: ünïcödé, λ, ж, €"];

        foreach (var text in texts)
        {
            await first.AddMessageAsync(text);

            var receipt = first.Receipt(text);
            await Expect(receipt).ToHaveAttributeAsync("data-status", "InBlock");
            await Expect(receipt).ToContainTextAsync("Confirmed in block #");
            await Expect(first.MessageInChain(text)).ToBeVisibleAsync();

            // The page shows the message in the block the miner itself names.
            var id = Guid.Parse((await receipt.GetAttributeAsync("data-id"))!);
            var height = (await miners.First.GetReceiptAsync(id))!.Height!.Value;
            await Expect(first.BlockHolding(text)).ToHaveAttributeAsync("data-height", height.ToString(CultureInfo.InvariantCulture));
            await Expect(second.MessageInChain(text)).ToBeVisibleAsync();
        }

        // Readable on a phone: nothing is wider than the screen.
        Assert.True(await second.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Artifacts.PublishToDocs(await first.ScreenshotAsync("web-page.png"), "web-page.png");
        await second.ScreenshotAsync("web-page-phone.png", fullPage: false);
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task The_block_detail_view_recomputes_the_block_hash_in_the_browser()
    {
        // Tall enough for the whole detail view to be in the screenshot.
        await using var page = await chromium.OpenAsync(miners.First.Url, height: 2600);
        const string text = "Inspect me: ß, ж and 𝔸 (four UTF-8 bytes)";
        await page.AddMessageAsync(text);
        await Expect(page.MessageInChain(text)).ToBeVisibleAsync();
        var block = (await miners.First.GetChainAsync()).Chain.Single(b => b.Messages.Any(m => m.Text == text));

        // By keyboard: focus the block's Inspect button and press Enter.
        var inspect = page.BlockHolding(text).GetByRole(AriaRole.Button, new() { Name = "Inspect" });
        await inspect.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");

        await Expect(page.Dialog).ToBeVisibleAsync();
        await Expect(page.Page.Locator("#recomputed-hash")).ToHaveTextAsync(block.Hash);
        foreach (var check in new[] { "hash", "work", "link", "time" })
        {
            await Expect(page.Dialog.Locator($"[data-check='{check}']")).ToHaveAttributeAsync("data-ok", "true");
        }

        await Expect(page.Dialog.Locator(".header-fields > li")).ToHaveCountAsync(7);
        await Expect(page.Dialog.Locator(".header-fields > li").Last).ToContainTextAsync(block.Nonce.ToString("N0", CultureInfo.InvariantCulture));
        await page.Dialog.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Directory, "block-detail.png") });

        // Another nonce gives another hash: the proof of work is this nonce.
        await page.Page.GetByLabel("Nonce", new() { Exact = true }).FillAsync((block.Nonce + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(page.Page.Locator("#try-result .hash")).Not.ToHaveTextAsync(block.Hash);

        await page.Page.Keyboard.PressAsync("Escape");
        await Expect(page.Dialog).ToBeHiddenAsync();
        await Expect(inspect).ToBeFocusedAsync();
        Assert.Empty(page.Errors);
    }
}
