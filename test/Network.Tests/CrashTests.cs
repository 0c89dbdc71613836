using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

/// <summary>
/// Kill -9 at the worst moments, with each store: the files of embedded mode and a real <c>redis-server</c> in cluster
/// mode. After every restart the miner must start (its chain validates), know every message it acknowledged, and go on
/// to record each exactly once.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("blockchain-crash-").FullName;
    private readonly List<MinerProcess> _miners = [];
    private RedisServer? _redis;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Kill_9_during_adds_loses_no_acknowledged_message(bool redis)
    {
        var miner = await StartAsync("adds", redis);
        var acknowledged = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 8).Select(s => SendUntilStoppedAsync(miner, $"add-{s}", acknowledged, stop.Token)).ToList();
        await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count >= 200), "200 acknowledged adds");

        await miner.KillSiloAsync(0); // adds are in flight
        await stop.CancelAsync();
        await Task.WhenAll(senders);
        await miner.KillAsync();
        await miner.StartAsync();

        await AssertKnownAsync(miner, acknowledged);
        await AssertEventuallyRecordedOnceAsync(miner, acknowledged);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Kill_9_during_appends_keeps_every_announced_block_and_a_valid_chain(bool redis)
    {
        var miner = await StartAsync("appends", redis);
        var ids = await AddManyAsync(miner, "block", 80);
        await Poll.UntilAsync(async () => (await miner.GetStatusAsync()).Height >= 20, "20 blocks");

        var announced = (await miner.GetStatusAsync()).Height; // blocks are being appended right now
        await miner.KillSiloAsync(0);
        await miner.KillAsync();
        await miner.StartAsync();

        Assert.True((await miner.GetStatusAsync()).Height >= announced, "a block the miner had shown was lost");
        await AssertKnownAsync(miner, ids);
        await AssertEventuallyRecordedOnceAsync(miner, ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Kill_9_during_a_reorganisation_loses_nothing_and_converges(bool redis)
    {
        var winner = await StartAsync("winner", redis);
        var loser = await StartAsync("loser", redis);
        var won = await AddManyAsync(winner, "won", 60);
        var lost = await AddManyAsync(loser, "lost", 5);
        await AssertEventuallyRecordedOnceAsync(loser, lost);
        await AssertEventuallyRecordedOnceAsync(winner, won);

        // The loser's sync (every second) adopts the longer chain: truncate 5 blocks, append 60. Killed at once, and
        // again at later moments, so that some kill lands in the middle; each time it must come back whole.
        await loser.AddNeighbourAsync(winner.Url);
        foreach (var delay in new[] { 0, 500, 1_000 })
        {
            await Task.Delay(delay);
            await loser.KillSiloAsync(0);
            await loser.KillAsync();
            await loser.StartAsync([winner.Url]);
            await AssertKnownAsync(loser, lost);
        }

        await AssertEventuallyRecordedOnceAsync(loser, [.. won, .. lost]);
        await AssertEventuallyRecordedOnceAsync(winner, [.. won, .. lost]);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_miners.Select(m => m.DisposeAsync().AsTask()));
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the temp folder.
        }
    }

    /// <summary>A miner at difficulty 1 with one message per block, so blocks follow each other as fast as they are stored.</summary>
    private async Task<MinerProcess> StartAsync(string name, bool redis)
    {
        if (redis && _redis is null)
        {
            Assert.SkipUnless(RedisServer.IsInstalled, "redis-server is not installed (Debian: apt-get install redis-server)");
            _redis = new RedisServer(Path.Combine(_root, "redis"));
            await _redis.StartAsync();
        }

        var miner = new MinerProcess(name, Path.Combine(_root, name), new MinerSettings
        {
            Difficulty = 1,
            Redis = redis ? _redis!.ConnectionString : null,
            // A peer that is down while it restarts stays a neighbour: these tests restart miners on purpose.
            Silo = new Dictionary<string, string> { ["Miner:MaxMessagesPerBlock"] = "1", ["Miner:MaxPeerFailures"] = "1000" },
            Gateway = new Dictionary<string, string> { ["Gateway:MessagesPerSecond"] = "100000", ["Gateway:RequestsPerSecond"] = "100000" },
        });
        _miners.Add(miner);
        await miner.StartAsync();
        return miner;
    }

    private static async Task SendUntilStoppedAsync(MinerProcess miner, string label, ConcurrentBag<Guid> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested && i < 100_000; i++)
        {
            try
            {
                using var response = await miner.Http.PutAsync($"add?message={label}-{i}", null, stop);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add((await response.Content.ReadFromJsonAsync<AddResponse>(MinerProcess.Json, stop))!.Id);
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The miner is gone: whatever was not answered 200 was never promised.
            }
        }
    }

    private static async Task<List<Guid>> AddManyAsync(MinerProcess miner, string label, int count) =>
        [.. await Task.WhenAll(Enumerable.Range(0, count).Select(i => miner.AddAsync($"{label}-{i}")))];

    /// <summary>Every id is in the pool or the chain. The pool is read first: a message moves from the pool to the chain
    /// (stored in the chain first, then dropped from the pool), so read in that order it cannot slip between the two;
    /// a reorganisation moves messages back meanwhile, so the look is repeated for a little while before it fails.</summary>
    private static async Task AssertKnownAsync(MinerProcess miner, IEnumerable<Guid> ids)
    {
        List<Guid> missing = [];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        do
        {
            var pool = (await miner.Http.GetFromJsonAsync<List<Chain.Message>>("data", MinerProcess.Json))!.Select(m => m.Id).ToHashSet();
            var chain = (await miner.GetChainAsync()).Chain.SelectMany(b => b.Messages).Select(m => m.Id).ToHashSet();
            missing = [.. ids.Where(id => !chain.Contains(id) && !pool.Contains(id))];
        }
        while (missing.Count > 0 && DateTime.UtcNow < deadline && await Task.Delay(200).ContinueWith(_ => true));

        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged messages were lost, e.g. {missing.FirstOrDefault()}.\n{Logs(miner)}");
    }

    /// <summary>What the silo logged beyond routine lines, for a failure message.</summary>
    private static string Logs(MinerProcess miner)
    {
        using var log = new StreamReader(new FileStream(Path.Combine(miner.DataDirectory, "silo.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = log.ReadToEnd().Split('\n');
        var notable = lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("warn", StringComparison.Ordinal) || l.line.StartsWith("fail", StringComparison.Ordinal) || l.line.Contains("Opened", StringComparison.Ordinal));
        return string.Join('\n', notable.SelectMany(l => lines.Skip(l.i).Take(2)).TakeLast(80));
    }

    private static Task AssertEventuallyRecordedOnceAsync(MinerProcess miner, IReadOnlyCollection<Guid> ids) =>
        Poll.UntilAsync(async () =>
        {
            var counts = (await miner.GetChainAsync()).Chain.SelectMany(b => b.Messages).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.Count());
            Assert.DoesNotContain(counts, c => c.Value > 1);
            return ids.All(counts.ContainsKey);
        }, $"{ids.Count} messages to be recorded once each at {miner.Name}", TimeSpan.FromSeconds(120));
}
