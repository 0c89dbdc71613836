using Orleans.Blockchain.Api;
using Orleans.Blockchain.Cli.Network;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests;

/// <summary><c>network partition</c> and <c>network heal</c> end to end, as a learner runs them: a 2/2 split keeps two
/// chains apart, healing brings one chain with every message exactly once.</summary>
public sealed class NetworkPartitionTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DataDirectory => _directory.Path;

    [Fact]
    public async Task A_staged_partition_splits_the_chains_until_healed_then_one_chain_holds_every_message_once()
    {
        var basePort = FreePorts.BaseFor(4);
        var up = await BlockchainCli.RunAsync("network", "up", "--miners", "4", "--difficulty", "2", "--base-port", $"{basePort}", "--data-dir", DataDirectory);
        try
        {
            Assert.True(up.ExitCode == 0, up.WithLogsOf(DataDirectory));
            Assert.False(string.IsNullOrEmpty(NetworkSettings.Load(DataDirectory)!.AdminKey), "network up keeps an admin key in network.json");

            // Refused with one line and exit 1: a miner the network lacks, a miner in two groups, a single group.
            foreach (var (groups, error) in new[] { ("1,2/3,5", "'5' in '1,2/3,5' is not a miner"), ("1,2/2,3", "miner 2 is in two groups"), ("1,2,3,4", "single group") })
            {
                var refused = await BlockchainCli.RunAsync("network", "partition", groups, "--data-dir", DataDirectory);
                Assert.Equal(1, refused.ExitCode);
                Assert.Contains(error, Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
            }

            var split = await BlockchainCli.RunAsync("network", "partition", "1,2/3,4", "--data-dir", DataDirectory);
            Assert.True(split.ExitCode == 0, split.ToString());
            Assert.Contains("partition in force: 1,2 / 3,4", (await BlockchainCli.RunAsync("network", "status", "--data-dir", DataDirectory)).Output, StringComparison.Ordinal);

            var left = await AddAsync(basePort, "left of the cut");
            var right = await AddAsync(basePort + 2, "right of the cut");
            await Eventually.TrueAsync(async () => await CountInChainAsync(basePort + 1, left) == 1 && await CountInChainAsync(basePort + 3, right) == 1, "each side to mine its message");
            Assert.Equal(0, await CountInChainAsync(basePort + 2, left));
            Assert.Equal(0, await CountInChainAsync(basePort, right));
            var tips = (await BlockchainCli.RunAsync("get", "tips", "--port", $"{basePort}", "--json")).Json<TipResponse[]>();
            Assert.Equal("active", tips[0].Status);

            var heal = await BlockchainCli.RunAsync("network", "heal", "--data-dir", DataDirectory);
            Assert.True(heal.ExitCode == 0, heal.ToString());
            Assert.DoesNotContain("partition in force", (await BlockchainCli.RunAsync("network", "status", "--data-dir", DataDirectory)).Output, StringComparison.Ordinal);

            await Eventually.TrueAsync(
                async () =>
                {
                    var chains = await Task.WhenAll(Enumerable.Range(basePort, 4).Select(ChainAsync));
                    return chains.Select(c => c.Chain[^1].Hash).Distinct().Count() == 1
                        && chains.All(c => Count(c, left) == 1 && Count(c, right) == 1);
                },
                "one chain holding both messages once",
                TimeSpan.FromSeconds(90));
        }
        finally
        {
            await BlockchainCli.RunAsync("network", "down", "--data-dir", DataDirectory);
        }
    }

    public void Dispose() => _directory.Dispose();

    private static async Task<Guid> AddAsync(int port, string text) =>
        (await BlockchainCli.RunAsync("add", text, "--port", $"{port}", "--json")).Json<AddResponse>().Id;

    private static async Task<ChainResponse> ChainAsync(int port) =>
        (await BlockchainCli.RunAsync("get", "chain", "--port", $"{port}", "--json")).Json<ChainResponse>();

    private static async Task<int> CountInChainAsync(int port, Guid id) => Count(await ChainAsync(port), id);

    private static int Count(ChainResponse chain, Guid id) => chain.Chain.SelectMany(b => b.Messages).Count(m => m.Id == id);
}
