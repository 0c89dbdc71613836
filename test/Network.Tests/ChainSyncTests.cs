using System.Net.Http.Json;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Network.Tests.Harness;
using Orleans.Blockchain.Tests;

namespace Orleans.Blockchain.Network.Tests;

/// <summary>Chain sync against peers whose chains are valid but awkward: one that reorganises between two pages, and
/// a range of blocks so heavy that a page of a fixed number of blocks would be too big for any peer to accept.</summary>
public sealed class ChainSyncTests
{
    private static readonly ChainRules Rules = new(new MinerSettings().Difficulty);

    [Fact]
    public async Task An_honest_peer_that_reorganises_between_two_pages_is_not_banned_and_its_new_chain_is_adopted()
    {
        // Two valid chains that part at height 2; the peer serves 2 blocks a page and switches to the other chain once
        // the miner asks for its second page of blocks (after blocks 1 and 2).
        var shared = TestBlocks.Chain(Rules, 1, "shared");
        var before = TestBlocks.Extend(shared, 5, "before");
        var after = TestBlocks.Extend(shared, 6, "after");
        await using var peer = await ChainPeer.StartAsync(before, pageBlocks: 2);
        peer.BeforePage = (from, limit) =>
        {
            if (from == 3 && limit > 1)
            {
                peer.Chain = after;
            }
        };
        await using var network = await MinerNetwork.StartAsync(1, connected: false);
        var miner = network[0];

        await miner.AddNeighbourAsync(peer.Url);

        // Its chain becomes the peer's new one (and may grow on top: block 2 of the old one holds a message the new
        // one lacks, which goes back to the pool and is mined again).
        await network.ExplainAsync(Poll.UntilAsync(
            async () => (await miner.GetChainAsync()).Chain.ElementAtOrDefault(after.Count - 1)?.Hash == after[^1].Hash,
            "the miner to adopt the peer's new chain"));
        Assert.Contains(peer.Url.ToString(), (await miner.GetNeighboursAsync()).Neighbours);
        Assert.Contains("does not link to the one before", File.ReadAllText(Path.Combine(miner.DataDirectory, "silo.log")));
        Assert.DoesNotContain("Banned", File.ReadAllText(Path.Combine(miner.DataDirectory, "silo.log")));
    }

    [Fact]
    public async Task A_peer_answering_every_page_with_48_MB_costs_the_silo_one_answer_of_memory_and_a_ban()
    {
        // It claims a longer chain of our network; every page it serves is one 48 MB block (under the 64 MiB answer
        // cap). Buffering pages before checking them would grow the silo by 48 MB a page, without end.
        await using var peer = await ChainPeer.StartAsync(TestBlocks.Chain(Rules, 30, "claimed"), pageBlocks: 500);
        peer.HugePageBytes = 48 * 1024 * 1024;
        await using var network = await MinerNetwork.StartAsync(1, connected: false);
        var miner = network[0];
        await miner.GetStatusAsync();
        var before = miner.SiloResidentBytes();

        await miner.AddNeighbourAsync(peer.Url);

        await Poll.UntilAsync(() => Task.FromResult(File.ReadAllText(Path.Combine(miner.DataDirectory, "silo.log")).Contains("Banned neighbour", StringComparison.Ordinal)), "the peer to be banned");
        var grown = miner.SiloResidentBytes() - before;
        Assert.True(grown < 400L * 1024 * 1024, $"the silo grew by {grown / (1024 * 1024)} MiB");
        Assert.Equal(1, (await miner.GetStatusAsync()).Length);
        Assert.DoesNotContain(peer.Url.ToString(), (await miner.GetNeighboursAsync()).Neighbours);
    }

    [Fact]
    public async Task A_range_of_blocks_too_heavy_for_fixed_count_pages_still_syncs()
    {
        // 130 blocks of 87 messages of about 1,000 CJK characters: about 0.5 MB of JSON a block (escaped), 68 MB in all, more
        // than a peer accepts in one answer (64 MiB); a page of 500 blocks over them could never be fetched.
        var chain = new List<Block> { Rules.Genesis };
        var text = new string('漢', 990);
        for (var i = 1; i <= 130; i++)
        {
            chain.Add(TestBlocks.Mine(chain[^1], Enumerable.Range(0, 87).Select(m => TestBlocks.NewMessage($"{i}.{m}{text}"))));
        }

        await using var network = await MinerNetwork.StartAsync(2, connected: false);
        var (source, fresh) = (network[0], network[1]);
        foreach (var block in chain.Skip(1))
        {
            using var response = await source.Http.PostAsJsonAsync("blocks", new BlockAnnouncement(block, null), MinerProcess.Json);
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(chain[^1].Hash, (await source.GetStatusAsync()).TipHash);
        using (var page = await source.Http.GetAsync("chain?from=1&limit=500"))
        {
            var body = await page.Content.ReadFromJsonAsync<ChainResponse>(MinerProcess.Json);
            Assert.True(body!.Length < 130, "a page is cut by bytes");
            Assert.Equal(1 + body.Length, body.Next);
            Assert.True(page.Content.Headers.ContentLength is null or <= ChainResponse.MaxPageBytes);
        }

        await fresh.AddNeighbourAsync(source.Url);

        await Poll.UntilAsync(async () => (await fresh.GetStatusAsync()).TipHash == chain[^1].Hash, "the fresh miner to sync the heavy range", TimeSpan.FromSeconds(120));
    }
}
