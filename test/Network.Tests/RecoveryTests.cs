using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

public sealed class RecoveryTests
{
    [Fact]
    public async Task A_miner_that_was_down_catches_up_when_it_returns()
    {
        await using var network = await MinerNetwork.StartAsync(3);
        var before = await network[0].AddAsync("before the outage");
        await network.WaitUntilEveryChainHoldsAsync(before);

        await network[2].KillAsync();
        var during = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            during.Add(await network[0].AddAsync($"during the outage {i}"));
        }

        await Poll.UntilAsync(async () => (await Task.WhenAll(during.Select(network[1].CountInChainAsync))).All(n => n == 1), "the others to mine");
        await network[2].StartAsync([network[0].Url]);

        foreach (var id in during.Append(before))
        {
            await network.WaitUntilEveryChainHoldsAsync(id);
        }

        await network.WaitUntilConvergedAsync();
    }

    [Fact]
    public async Task Forks_converge_on_the_longer_chain_and_the_losers_messages_are_mined_again()
    {
        await using var network = await MinerNetwork.StartAsync(2, connected: false);
        var winners = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            winners.Add(await network[0].AddAsync($"winner {i}"));
            var id = winners[^1];
            await Poll.UntilAsync(async () => await network[0].CountInChainAsync(id) == 1, "a block at m0");
        }

        var loser = await network[1].AddAsync("on the shorter fork");
        await Poll.UntilAsync(async () => await network[1].CountInChainAsync(loser) == 1, "a block at m1");
        Assert.True((await network[0].GetStatusAsync()).Length > (await network[1].GetStatusAsync()).Length);

        await network[1].AddNeighbourAsync(network[0].Url);

        await network.WaitUntilConvergedAsync();
        foreach (var id in winners.Append(loser))
        {
            await network.WaitUntilEveryChainHoldsAsync(id);
        }
    }
}
