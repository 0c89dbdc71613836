using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

/// <summary>Miners fed messages at the same time mine competing blocks; once traffic stops they must end on one chain
/// holding every message exactly once (the fork choice's tie-break: equal-length chains no longer stay apart).</summary>
public sealed class ForkConvergenceTests
{
    [Fact]
    public async Task Two_miners_fed_alternately_end_on_one_chain_with_every_message_once()
    {
        await using var network = await MinerNetwork.StartAsync(2);

        var ids = await AddRoundRobinAsync(network, 100);

        await network.WaitUntilOneChainHoldsAsync(ids, TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task Five_miners_in_a_line_fed_round_robin_end_on_one_chain_with_every_message_once()
    {
        await using var network = await MinerNetwork.StartAsync(5);

        var ids = await AddRoundRobinAsync(network, 100);

        await network.WaitUntilOneChainHoldsAsync(ids, TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task A_staged_partition_keeps_two_chains_apart_until_healed_then_one_chain_holds_everything_once()
    {
        await using var network = await MinerNetwork.StartAsync(4);
        var (left, right) = (network.Miners.Take(2).ToList(), network.Miners.Skip(2).ToList());
        await network.WaitUntilConvergedAsync();
        await Task.WhenAll(left.Select(m => m.PartitionAsync(right.Select(r => r.Url)))
            .Concat(right.Select(m => m.PartitionAsync(left.Select(l => l.Url)))));

        var ids = new List<Guid>();
        foreach (var (miner, text) in new[] { (left[0], "left a"), (right[0], "right a"), (left[1], "left b"), (right[1], "right b") })
        {
            ids.Add(await miner.AddAsync(text));
        }

        // Each side mines its own messages, and neither side's chain reaches the other.
        await Poll.UntilAsync(async () => await left[1].CountInChainAsync(ids[0]) == 1 && await left[0].CountInChainAsync(ids[2]) == 1, "the left side to mine its messages");
        await Poll.UntilAsync(async () => await right[1].CountInChainAsync(ids[1]) == 1 && await right[0].CountInChainAsync(ids[3]) == 1, "the right side to mine its messages");
        Assert.NotEqual((await left[0].GetStatusAsync()).TipHash, (await right[0].GetStatusAsync()).TipHash);
        Assert.Equal(0, await left[0].CountInChainAsync(ids[1]));
        Assert.Equal(0, await right[0].CountInChainAsync(ids[0]));

        // /tips shows the other side's chain as a fork while the partition lasts (it is watched, not synced with).
        await Poll.UntilAsync(async () => (await left[0].GetTipsAsync()).Any(t => t.Status == "valid-fork" && t.BranchLength >= 1), "left to see the right side's fork in /tips");
        var tips = await left[0].GetTipsAsync();
        Assert.Equal("active", tips[0].Status);
        Assert.Equal((await left[0].GetStatusAsync()).TipHash, tips[0].Hash);

        await Task.WhenAll(network.Miners.Select(m => m.HealAsync()));

        await network.WaitUntilOneChainHoldsAsync(ids, TimeSpan.FromSeconds(90));
        await Poll.UntilAsync(async () => (await left[0].GetTipsAsync()).Length == 1, "/tips to list one tip once the chains are one");
    }

    /// <summary>Adds <paramref name="count"/> messages one after the other, each at the next miner in turn.</summary>
    private static async Task<List<Guid>> AddRoundRobinAsync(MinerNetwork network, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await network[i % network.Miners.Count].AddAsync($"message {i} at m{i % network.Miners.Count}"));
        }

        return ids;
    }
}
