using System.Net;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary>A message that is still pending has no proof yet: 409 with its receipt. The miner's difficulty is
/// far out of reach (16^10 hashes), so the message stays pending for the whole test.</summary>
public sealed class PendingProofTests
{
    [Fact]
    public async Task A_pending_message_is_answered_409_with_its_receipt()
    {
        await using var network = await MinerNetwork.StartAsync(1, new MinerSettings { Difficulty = 10 }); // one mining thread
        var miner = network[0];
        var id = await miner.AddAsync("not mined for hours");

        using var response = await miner.Http.GetAsync($"messages/{id}/proof");

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Conflict);
        var receipt = problem.GetProperty("receipt");
        Assert.Equal(id, receipt.GetProperty("id").GetGuid());
        Assert.Equal("Pending", receipt.GetProperty("status").GetString());
    }
}
