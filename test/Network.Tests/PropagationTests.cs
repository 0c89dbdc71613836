using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

public sealed class PropagationTests
{
    [Fact]
    public async Task A_message_added_at_one_miner_ends_in_every_chain_exactly_once()
    {
        await using var network = await MinerNetwork.StartAsync(3);

        var id = await network[0].AddAsync("hello, network");

        await network.WaitUntilEveryChainHoldsAsync(id);
        foreach (var miner in network.Miners)
        {
            var receipt = await miner.GetReceiptAsync(id);
            Assert.Equal(MessageStatus.InBlock, receipt?.Status);
            Assert.True(receipt!.Confirmations >= 1);
        }
    }
}
