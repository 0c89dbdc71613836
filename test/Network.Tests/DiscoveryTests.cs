using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Miners_started_in_a_line_find_each_other_up_to_the_maximum()
    {
        // m0 knows m1, m1 knows m2, ... m4 knows nobody: gossip must do the rest.
        await using var network = await MinerNetwork.StartAsync(5);

        await Poll.UntilAsync(
            async () => (await Task.WhenAll(network.Miners.Select(m => m.GetNeighboursAsync()))).All(n => n.Length == 3),
            "every miner to know 3 neighbours");

        foreach (var miner in network.Miners)
        {
            var neighbours = await miner.GetNeighboursAsync();
            Assert.DoesNotContain(miner.Url.ToString(), neighbours.Neighbours);
            Assert.Equal(neighbours.Neighbours.Length, neighbours.Neighbours.Distinct().Count());
        }
    }
}
