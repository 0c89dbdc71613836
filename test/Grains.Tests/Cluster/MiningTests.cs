using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Network.Tests.Harness;
using Orleans.Blockchain.Pool;

namespace Orleans.Blockchain.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class MiningTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Messages_added_to_the_pool_are_mined_into_valid_blocks_exactly_once()
    {
        var chain = fixture.Grains.GetGrain<IChainGrain>(0);
        var pool = fixture.Grains.GetGrain<IDataPoolGrain>(0);
        var messages = Enumerable.Range(0, 5).Select(i => TestBlocks.NewMessage($"mine me {i}")).ToList();

        foreach (var message in messages)
        {
            Assert.Equal(PoolAddResult.Added, await pool.AddAsync(message));
        }

        await Poll.UntilAsync(
            async () => (await Task.WhenAll(messages.Select(m => chain.GetReceiptAsync(m.Id)))).All(r => r.Status == MessageStatus.InBlock),
            "every message to be mined");

        var blocks = await chain.GetBlocksAsync();
        var validator = new ChainValidator(new ChainRules(ClusterFixture.Difficulty), TimeProvider.System);
        Assert.True(validator.ValidateChain(blocks).IsValid);
        var recorded = blocks.SelectMany(b => b.Messages).Select(m => m.Id).ToList();
        Assert.All(messages, m => Assert.Single(recorded, m.Id));
        Assert.Empty(await pool.GetMessagesAsync());
        Assert.True(File.Exists(Path.Combine(fixture.DataDirectory, "test.chain")));
    }
}
