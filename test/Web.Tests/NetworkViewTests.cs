using System.Net.Http.Json;
using Microsoft.Playwright;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Network.Tests.Harness;
using Orleans.Blockchain.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Blockchain.Web.Tests;

/// <summary>The network view (<c>/network.html</c>): the miners one gateway knows as lanes of blocks, a fork drawn
/// where their chains part, live while a partition is staged and healed.</summary>
public sealed class NetworkViewTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task The_network_view_draws_the_fork_of_a_staged_partition_and_one_chain_once_it_is_healed()
    {
        // Three miners in a line (m0 - m1 - m2); the view is m0's, reached from its page as a person would.
        await using var network = await MinerNetwork.StartAsync(3, new MinerSettings { Difficulty = 3 });
        var (m0, m1, m2) = (network[0], network[1], network[2]);
        await using var page = await chromium.OpenAsync(m0.Url);
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Network view" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Uri(m0.Url, "network.html").ToString());
        await Expect(Lane(page, m1)).ToHaveAttributeAsync("data-relation", "same");
        await Expect(Lane(page, m2)).ToHaveAttributeAsync("data-relation", "same"); // m0 learned m2 by gossip
        await Expect(Summary(page)).ToHaveAttributeAsync("data-tips", "1");

        // A block they share, then west (m0, m1) and east (m2) ignore each other. West mines one message, east two
        // blocks: east's chain has more work and wins once they meet again.
        var sharedId = await m1.AddAsync("Mined before the split");
        await Task.WhenAll(network.Miners.Select(m => m.WaitUntilChainHoldsAsync(sharedId)));
        await network.WaitUntilConvergedAsync();
        await Task.WhenAll(m0.PartitionAsync([m2.Url]), m1.PartitionAsync([m2.Url]), m2.PartitionAsync([m0.Url, m1.Url]));
        await Poll.UntilAsync(async () => await SeesPartitionedAsync(m0, m2) && await SeesPartitionedAsync(m2, m0),
            "both sides to have run a chain sync round with the partition in force");
        const string westText = "West: mined while cut off from m2";
        string[] eastTexts = ["East: m2 mines alone", "East: and goes on"];
        var westId = await m0.AddAsync(westText);
        var eastIds = new List<Guid>();
        foreach (var text in eastTexts)
        {
            eastIds.Add(await m2.AddAsync(text));
            await m2.WaitUntilChainHoldsAsync(eastIds[^1]);
        }

        await Task.WhenAll(m0.WaitUntilChainHoldsAsync(westId), m1.WaitUntilChainHoldsAsync(westId));

        // Two tips: m2's lane breaks away from m0's chain, holds the east message, and is marked partitioned.
        await Expect(Summary(page)).ToHaveAttributeAsync("data-tips", "2");
        await Expect(Summary(page)).ToContainTextAsync("2 different tips");
        await Expect(Lane(page, m1)).ToHaveAttributeAsync("data-relation", "same");
        await Expect(Lane(page, m2)).ToHaveAttributeAsync("data-relation", "fork");
        await Expect(Lane(page, m2)).ToHaveAttributeAsync("data-partitioned", "true");
        await Expect(Lane(page, m2).Locator(".badge.partitioned")).ToBeVisibleAsync();
        await Expect(Lane(page, m2).Locator(".cell.fork-start")).ToHaveCountAsync(1);
        await Expect(Lane(page, m2).Locator(".cell.fork-start")).ToHaveAttributeAsync("data-height", "2");
        foreach (var text in eastTexts)
        {
            await Expect(Lane(page, m2).Locator(".cell.fork", new() { HasText = text })).ToBeVisibleAsync();
            await Expect(SelfLane(page)).Not.ToContainTextAsync(text);
        }

        await Expect(SelfLane(page).Locator(".cell.ours", new() { HasText = westText })).ToBeVisibleAsync();
        await Expect(page.Page.Locator("#tips .tip")).ToHaveCountAsync(2);
        Artifacts.PublishToDocs(await page.ScreenshotAsync("network-view-partitioned.png"), "network-view.png");

        // Healed: one chain, east's, with west's message mined again on top of it, drawn as one tip.
        await Task.WhenAll(network.Miners.Select(m => m.HealAsync()));
        await Expect(SelfLane(page).Locator(".cell.ours", new() { HasText = westText })).ToHaveAttributeAsync("data-height", "4");
        foreach (var text in eastTexts)
        {
            await Expect(SelfLane(page).Locator(".cell.ours", new() { HasText = text })).ToBeVisibleAsync();
        }

        await Task.WhenAll(network.Miners.Select(m => m.WaitUntilChainHoldsAsync([sharedId, westId, .. eastIds])));
        await network.WaitUntilConvergedAsync();
        await Expect(Summary(page)).ToHaveAttributeAsync("data-tips", "1");
        await Expect(Summary(page)).ToContainTextAsync("One chain");
        await Expect(Lane(page, m2)).ToHaveAttributeAsync("data-relation", "same");
        await Expect(Lane(page, m2)).ToHaveAttributeAsync("data-partitioned", "false");
        await Expect(page.Page.Locator("#lanes .cell.fork")).ToHaveCountAsync(0);
        await Expect(page.Page.Locator("#tips .tip")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("network-view-healed.png");

        // On a phone the lanes scroll sideways inside their panel; the page itself is no wider than the screen.
        await page.Page.SetViewportSizeAsync(375, 812);
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(page.Errors);
    }

    private static ILocator Summary(MinerPage page) => page.Page.Locator("#network-summary");

    private static ILocator SelfLane(MinerPage page) => page.Page.Locator("#lanes tr.lane.self");

    private static ILocator Lane(MinerPage page, MinerProcess miner) => page.Page.Locator($"#lanes tr.lane[data-url='{miner.Url}']");

    /// <summary>Whether the miner's chain sync has looked at <paramref name="peer"/> as one cut off by a partition.</summary>
    private static async Task<bool> SeesPartitionedAsync(MinerProcess miner, MinerProcess peer) =>
        (await miner.Http.GetFromJsonAsync<NetworkResponse>("network", MinerProcess.Json))!.Peers.Any(p => p.Url == peer.Url && p.Partitioned);
}
