using Orleans.Blockchain.Web.Tests.Browser;
using Orleans.Blockchain.Network.Tests.Harness;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Blockchain.Web.Tests;

public sealed class ReorganisationTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task The_page_shows_a_reorganisation_when_its_miner_adopts_a_longer_chain()
    {
        // Two miners that do not know each other mine two different chains.
        await using var network = await MinerNetwork.StartAsync(2, new MinerSettings { Difficulty = 3 }, connected: false);
        var (shorter, longer) = (network[0], network[1]);
        await using var page = await chromium.OpenAsync(shorter.Url);
        const string text = "Mined on the shorter chain";
        await page.AddMessageAsync(text);
        await Expect(page.Receipt(text)).ToContainTextAsync("Confirmed in block #1");

        while ((await longer.GetStatusAsync()).Height < 2)
        {
            var id = await longer.AddAsync($"on the longer chain at {(await longer.GetStatusAsync()).Height + 1}");
            await Poll.UntilAsync(async () => await longer.CountInChainAsync(id) == 1, "the longer chain to grow");
        }

        // Once they meet, the shorter chain's block 1 is replaced; its message goes back to the pool and is mined again.
        await shorter.AddNeighbourAsync(longer.Url);

        await Expect(page.Page.Locator("#notices [data-kind='reorg']")).ToContainTextAsync("Reorganisation: 1 block replaced at height 1");
        await Expect(page.Receipt(text)).ToContainTextAsync("Confirmed in block #3");
        await Expect(page.MessageInChain(text)).ToBeVisibleAsync();
        await Expect(page.BlockHolding(text)).ToHaveAttributeAsync("data-height", "3");
        await page.ScreenshotAsync("reorganisation.png");
        Assert.Empty(page.Errors);
    }
}
