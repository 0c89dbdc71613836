using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

public sealed class HostilePeerTests
{
    [Fact]
    public async Task Garbage_hanging_oversized_and_forged_peers_are_survived_and_dropped()
    {
        var settings = new MinerSettings
        {
            MaxNeighbours = 6,
            Silo = new Dictionary<string, string> { ["Miner:MaxPeerResponseBytes"] = "1048576" },
        };
        await using var network = await MinerNetwork.StartAsync(2, settings);
        var genesis = (await network[0].GetChainAsync()).Chain[0];
        var hostile = await Task.WhenAll(Enum.GetValues<HostilePeer.Behaviour>().Select(b => HostilePeer.StartAsync(b, genesis)));
        try
        {
            foreach (var peer in hostile)
            {
                await network[0].AddNeighbourAsync(peer.Url);
            }

            var id = await network[1].AddAsync("through the noise");
            await network.WaitUntilEveryChainHoldsAsync(id);

            var chain = await network[0].GetChainAsync();
            Assert.DoesNotContain(chain.Chain.SelectMany(b => b.Messages), m => m.Text.StartsWith("forged", StringComparison.Ordinal));
            await Poll.UntilAsync(
                async () => (await network[0].GetNeighboursAsync()).Neighbours.All(url => hostile.All(h => h.Url.ToString() != url)),
                "every hostile peer to be dropped", TimeSpan.FromSeconds(90));
            Assert.Contains(network[1].Url.ToString(), (await network[0].GetNeighboursAsync()).Neighbours);
        }
        finally
        {
            foreach (var peer in hostile)
            {
                await peer.DisposeAsync();
            }
        }
    }
}
