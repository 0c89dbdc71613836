using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Benchmarks;

/// <summary>The pieces of <c>ledger.sh</c>: a long valid chain written through the chain store, a load of
/// <c>PUT /add</c>, and the rate at which a running miner appends blocks. Only ever talks to the URL it is given
/// (the script passes 127.0.0.1).</summary>
internal static class Ledger
{
    /// <summary>Mines <paramref name="blocks"/> blocks of one message each at difficulty 1 and appends them to
    /// <c>DIR/NAME.chain</c> through <see cref="FileChainStore"/>, in batches: the same file a miner writes.</summary>
    public static async Task MakeChainAsync(string directory, string name, int blocks)
    {
        var rules = new ChainRules(Difficulty: 1, MaxMessagesPerBlock: 1);
        var validator = new ChainValidator(rules, TimeProvider.System);
        var versions = new ChainVersions(directory, name, 10, 1L << 30, TimeProvider.System);
        await using var store = await FileChainStore.OpenAsync(directory, name, validator, versions, TimeProvider.System, NullLogger.Instance);
        var header = new byte[BlockHeader.Size];
        var searcher = new Sha256NonceSearcher();
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds());
        var previous = store.Chain.Tip;
        var clock = Stopwatch.StartNew();
        while (store.Chain.Length <= blocks)
        {
            var batch = new List<Block>();
            while (batch.Count < 1_000 && store.Chain.Length + batch.Count <= blocks)
            {
                var time = start.AddMilliseconds(previous.Index);
                var message = Message.Create($"block-{previous.Index + 1}", time);
                var block = new Block(previous.Index + 1, time, [message], previous.Hash, 1, 0, "");
                BlockHeader.Write(header, block);
                var nonce = searcher.Search(header, 1, 0, 1U << 20) ?? throw new InvalidOperationException("no nonce");
                block = block with { Nonce = nonce };
                previous = block with { Hash = BlockHeader.ComputeHash(block) };
                batch.Add(previous);
            }

            await store.AppendAsync(batch);
            if (store.Chain.Length % 10_000 == 1)
            {
                Console.Error.WriteLine($"  chain: {store.Chain.Length - 1} blocks");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"made_chain blocks={store.Chain.Length - 1} seconds={clock.Elapsed.TotalSeconds:F1}"));
    }

    /// <summary><c>PUT /add</c> from <paramref name="connections"/> connections for <paramref name="seconds"/>; every
    /// answer must be 200. Prints the count and the rate.</summary>
    public static async Task LoadAsync(Uri gateway, double seconds, int connections, string label)
    {
        var open = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => LoadConnection.OpenAsync(gateway)));
        var (ok, failed) = (0L, 0L);
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(open.Select(async (connection, c) =>
        {
            using var owned = connection;
            using var timeout = new CancellationTokenSource(deadline + TimeSpan.FromSeconds(30));
            for (var i = 0; clock.Elapsed < deadline; i++)
            {
                var status = await owned.PutAsync($"{gateway.AbsolutePath}add?message={label}-{c}-{i}", timeout.Token);
                _ = status == (int)HttpStatusCode.OK ? Interlocked.Increment(ref ok) : Interlocked.Increment(ref failed);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load ok={ok} failed={failed} seconds={elapsed:F2} per_second={ok / elapsed:F0}"));
    }

    /// <summary>Prints <c>kept=N</c>: how many different messages whose text starts with <paramref name="label"/> the miner
    /// holds, pending or in its chain. The pool is read first, page by page, then the chain: a message mined meanwhile
    /// is then found in the chain (counted once), never missed.</summary>
    public static async Task KeptAsync(Uri gateway, string label)
    {
        using var http = Client(gateway, 1);
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var prefix = $"{label}-";
        Guid? after = null;
        for (var page = 0; page < 10_000; page++)
        {
            using var data = JsonDocument.Parse(await http.GetStringAsync(after is null ? "data?limit=1000" : $"data?limit=1000&after={after}"));
            var messages = data.RootElement.EnumerateArray().ToList();
            if (messages.Count == 0)
            {
                break;
            }

            texts.UnionWith(messages.Select(m => m.GetProperty("text").GetString()!).Where(t => t.StartsWith(prefix, StringComparison.Ordinal)));
            after = messages[^1].GetProperty("id").GetGuid();
        }

        using var chain = JsonDocument.Parse(await http.GetStreamAsync("chain"));
        foreach (var block in chain.RootElement.GetProperty("chain").EnumerateArray())
        {
            texts.UnionWith(block.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!).Where(t => t.StartsWith(prefix, StringComparison.Ordinal)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kept={texts.Count}"));
    }

    /// <summary>Adds <paramref name="count"/> messages, then times the miner appending them (one per block) from the
    /// moment every add was answered until the pool is empty.</summary>
    public static async Task BlocksAsync(Uri gateway, int count)
    {
        using var http = Client(gateway, 64);
        var label = $"rate-{Guid.NewGuid():N}";
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async c =>
        {
            for (var i = c; i < count; i += 64)
            {
                using var response = await http.PutAsync($"add?message={label}-{i}", null);
                response.EnsureSuccessStatusCode();
            }
        }));

        var (startHeight, _) = await StatusAsync(http);
        var clock = Stopwatch.StartNew();
        var (height, pool) = (startHeight, count);
        while (pool > 0 && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(20);
            (height, pool) = await StatusAsync(http);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"blocks from={startHeight} to={height} seconds={elapsed:F2} per_second={(height - startHeight) / elapsed:F0}"));
    }

    private static async Task<(long Height, int Pool)> StatusAsync(HttpClient http)
    {
        using var status = JsonDocument.Parse(await http.GetStringAsync("status"));
        return (status.RootElement.GetProperty("height").GetInt64(), status.RootElement.GetProperty("poolSize").GetInt32());
    }

    private static HttpClient Client(Uri gateway, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
}
