using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

/// <summary>Cluster mode with real processes: one miner on two silos sharing a real <c>redis-server</c>.</summary>
public sealed class ClusterModeTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("blockchain-cluster-").FullName;
    private RedisServer _redis = null!;
    private MinerNetwork _network = null!;

    private MinerProcess Miner => _network[0];

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(RedisServer.IsInstalled, "redis-server is not installed (Debian: apt-get install redis-server)");
        _redis = new RedisServer(Path.Combine(_root, "redis"));
        await _redis.StartAsync();
        _network = await MinerNetwork.StartAsync(1, new MinerSettings { Silos = 2, Redis = _redis.ConnectionString });
        await Poll.UntilAsync(async () => (await Miner.GetStatusAsync()).Silos.Length == 2, "both silos to report");
    }

    [Fact]
    public async Task Killing_the_silo_that_holds_the_chain_loses_nothing_and_a_restarted_silo_rejoins()
    {
        var before = await Miner.AddAsync("before the crash");
        await _network.WaitUntilEveryChainHoldsAsync(before);

        var host = await ChainHostAsync();
        await Miner.KillSiloAsync(host);
        var during = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            during.Add(await AddRetryingAsync($"after the crash {i}"));
        }

        foreach (var id in during.Prepend(before))
        {
            await _network.WaitUntilEveryChainHoldsAsync(id, TimeSpan.FromSeconds(90));
        }

        // The status grain may have lived on the killed silo too: the survivor reports to its new activation.
        await Poll.UntilAsync(async () => (await Miner.GetStatusAsync()).Silos.Length == 1, "the survivor to report");

        Miner.StartSilo(host);
        await Poll.UntilAsync(async () => (await Miner.GetStatusAsync()).Silos.Length == 2, "the restarted silo to rejoin", TimeSpan.FromSeconds(90));
        var after = await AddRetryingAsync("after the rejoin");
        await _network.WaitUntilEveryChainHoldsAsync(after);

        // The backup job still exports the seed's chain file from Redis (every 5 s in the harness).
        var chainFile = Path.Combine(Miner.DataDirectory, $"{Miner.Name}.chain");
        await Poll.UntilAsync(
            () => Task.FromResult(File.Exists(chainFile) && File.ReadAllText(chainFile).Contains(after.ToString(), StringComparison.Ordinal)),
            "the chain file to hold the last message");
    }

    [Fact]
    public async Task While_Redis_is_down_changes_are_refused_with_503_and_the_miner_recovers_when_it_returns()
    {
        var before = await Miner.AddAsync("before Redis stops");
        await _network.WaitUntilEveryChainHoldsAsync(before);

        await _redis.StopAsync();
        Guid refusedId;
        using (var refused = await Miner.Http.PutAsync("add?message=while%20Redis%20is%20down", null))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            refusedId = problem.RootElement.GetProperty("id").GetGuid();
        }

        await _redis.StartAsync();
        var after = await AddRetryingAsync("after Redis is back");
        await _network.WaitUntilEveryChainHoldsAsync(after);
        await _network.WaitUntilEveryChainHoldsAsync(before);
        Assert.Null(await Miner.GetReceiptAsync(refusedId)); // the id the 503 named: never stored, so unknown
        Assert.DoesNotContain((await Miner.GetChainAsync()).Chain.SelectMany(b => b.Messages), m => m.Text == "while Redis is down");
    }

    public async ValueTask DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Adds a message, sending it again while the miner answers 503 (failing over) or not at all.</summary>
    private async Task<Guid> AddRetryingAsync(string text)
    {
        Guid? id = null;
        await Poll.UntilAsync(async () =>
        {
            using var response = await Miner.Http.PutAsync($"add?message={Uri.EscapeDataString(text)}", null);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return false;
            }

            response.EnsureSuccessStatusCode();
            id = (await response.Content.ReadFromJsonAsync<Api.AddResponse>(MinerProcess.Json))!.Id;
            return true;
        }, $"the miner to accept \"{text}\"", TimeSpan.FromSeconds(90));
        return id!.Value;
    }

    /// <summary>The silo whose log shows the chain grain appending blocks. Polled: a silo's output reaches its log file a
    /// moment after the block it tells of is visible through the API (more than a moment on a loaded machine).</summary>
    private async Task<int> ChainHostAsync()
    {
        int? host = null;
        await Poll.UntilAsync(() =>
        {
            host = Enumerable.Range(0, 2).Cast<int?>().FirstOrDefault(silo =>
            {
                using var log = new StreamReader(new FileStream(Path.Combine(Miner.DataDirectory, Miner.SiloLog(silo!.Value)), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                return log.ReadToEnd().Contains("appended with", StringComparison.Ordinal);
            });
            return Task.FromResult(host is not null);
        }, "a silo log to show the chain grain appending the block");
        return host!.Value;
    }
}
