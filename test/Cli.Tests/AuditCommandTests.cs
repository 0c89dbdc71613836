using Orleans.Blockchain.Cli.Tests.Harness;
using Orleans.Blockchain.Network.Tests.Harness;
using MinerPoll = Orleans.Blockchain.Network.Tests.Harness.Poll;

namespace Orleans.Blockchain.Cli.Tests;

/// <summary><c>audit</c> against real miners, with a reorganisation staged the way the network tests stage one:
/// two miners that do not know each other grow different chains, then meet.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TempDirectory _files = new();

    private string State => Path.Combine(_files.Path, "audit.json");

    [Fact]
    public async Task Audit_moves_forward_with_the_chain_and_names_the_fork_when_history_is_rewritten()
    {
        await using var network = await MinerNetwork.StartAsync(2, new MinerSettings { Difficulty = 2 }, connected: false);
        var (audited, longer) = (network[0], network[1]);
        await MineAsync(audited, 1);

        var first = await AuditAsync(audited);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("audit: remembering block 1 ", first.OutputLines.Single(), StringComparison.Ordinal);

        await MineAsync(audited, 3);
        var second = await AuditAsync(audited);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"^audit: block 1 \(.+\) is still in the chain; now at block 3 \(.+\), 2 new blocks checked$", second.OutputLines.Single());

        // The other miner's longer chain replaces blocks 1 to 3 once the two meet.
        await MineAsync(longer, 5);
        await audited.AddNeighbourAsync(longer.Url);
        await MinerPoll.UntilAsync(async () => (await audited.GetStatusAsync()).TipHash == (await longer.GetStatusAsync()).TipHash, "the audited miner to adopt the longer chain");

        var rewritten = await AuditAsync(audited);
        Assert.Equal(1, rewritten.ExitCode);
        Assert.StartsWith("error: audit failed: history rewritten: the chain forks at height 1; 3 remembered blocks were replaced", rewritten.ErrorLines.Single(), StringComparison.Ordinal);

        // The state did not move: the rewrite is reported again, and never accepted silently.
        Assert.Equal(1, (await AuditAsync(audited)).ExitCode);
    }

    [Fact]
    public async Task A_state_that_is_not_an_audit_state_is_refused()
    {
        await File.WriteAllTextAsync(State, "not json");

        var audit = await BlockchainCli.RunAsync("audit", "--state", State, "--url", "http://127.0.0.1:9");

        Assert.Equal(1, audit.ExitCode);
        Assert.Contains("is not an audit state", audit.ErrorLines.Single(), StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private Task<CliResult> AuditAsync(MinerProcess miner) => BlockchainCli.RunAsync("audit", "--state", State, "--url", miner.Url.ToString());

    private static async Task MineAsync(MinerProcess miner, long height)
    {
        while ((await miner.GetStatusAsync()).Height < height)
        {
            var id = await miner.AddAsync($"{miner.Name} at {(await miner.GetStatusAsync()).Height + 1}");
            await MinerPoll.UntilAsync(async () => await miner.CountInChainAsync(id) == 1, $"{miner.Name}'s chain to grow");
        }
    }
}
