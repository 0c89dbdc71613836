using System.Text.Json;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests;

/// <summary>The quick start's domain metrics: every miner of <c>network up</c> serves them at its gateway's <c>/metrics</c>
/// (its one silo hosts the gateway), the URL <c>network status</c> prints.</summary>
[Collection(LocalNetworkCollection.Name)]
public sealed class NetworkMetricsTests(LocalNetwork network)
{
    [Fact]
    public async Task Network_status_prints_each_miners_metrics_url_the_gateways_which_serves_the_chain_height()
    {
        var table = await BlockchainCli.RunAsync("network", "status", "--data-dir", network.DataDirectory);
        var json = (await BlockchainCli.RunAsync("network", "status", "--data-dir", network.DataDirectory, "--json")).Json<JsonElement>();

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal("METRICS", table.OutputLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var urls = table.OutputLines[1..].Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]).ToList();
        Assert.Equal(
            [$"http://127.0.0.1:{network.BasePort}/metrics", $"http://127.0.0.1:{network.BasePort + 1}/metrics"], urls);
        Assert.Equal(urls, json.EnumerateArray().Select(miner => miner.GetProperty("metrics")[0].GetString()));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var url in urls)
        {
            await Eventually.TrueAsync(async () =>
            {
                var text = await http.GetStringAsync(new Uri(url));
                return text.Split('\n').Any(line => line.StartsWith("blockchain_chain_height", StringComparison.Ordinal));
            }, $"{url} to serve blockchain_chain_height");
        }
    }
}
