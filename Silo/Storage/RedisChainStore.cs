using System.Globalization;
using System.Text.Json;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Storage;
using StackExchange.Redis;

namespace Orleans.Blockchain.Silo.Storage;

/// <summary>
/// The chain in Redis (cluster mode): one hash field per block (<c>&lt;cluster&gt;/chain/0/blocks</c>, field = height,
/// value = the block's JSON as in <c>GET /chain</c>) and a tip record (<c>&lt;cluster&gt;/chain/0/tip</c> =
/// <c>length:hash</c>). Each append is one transaction that writes the new fields and the tip, on condition that the
/// tip is still the one this store read: a second writer (a silo that has not yet learned it lost the grain) is refused.
/// No value grows with the chain. The old format (the whole chain as one Orleans state value) is converted once.
/// </summary>
public sealed partial class RedisChainStore : IChainStore
{
    private const int Page = 1_000;

    private readonly IDatabase _redis;
    private readonly RedisKey _blocks;
    private readonly RedisKey _tip;
    private readonly ChainFileExport _export;
    private readonly ILogger _logger;
    private string _tipRecord;
    private bool _changed = true; // a new activation exports the chain files once
    private bool _broken;

    private RedisChainStore(IDatabase redis, string prefix, IndexedChain chain, ChainFileExport export, ILogger logger) =>
        (_redis, _blocks, _tip, Chain, _export, _logger, _tipRecord) = (redis, $"{prefix}/blocks", $"{prefix}/tip", chain, export, logger, "");

    public IndexedChain Chain { get; }

    /// <summary>Opens the chain whose keys start with <paramref name="prefix"/> (<c>&lt;cluster id&gt;/&lt;grain id&gt;</c>);
    /// <paramref name="oldKey"/> is where Orleans' grain storage kept the whole chain before.</summary>
    public static Task<RedisChainStore> OpenAsync(
        IDatabase redis, string prefix, RedisKey oldKey, ChainValidator validator, ChainFileExport export, ILogger logger) =>
        RedisFailures.Translate(async () =>
        {
            var builder = new StoredChainBuilder(validator);
            var store = new RedisChainStore(redis, prefix, builder.Chain, export, logger);
            var tip = await redis.StringGetAsync(store._tip);
            if (tip.IsNull)
            {
                await store.CreateAsync(builder, oldKey, validator);
            }
            else
            {
                await store.LoadAsync(builder, ParseLength(tip!), validator);
            }

            store._tipRecord = TipRecord(store.Chain);
            return store;
        });

    public Task AppendAsync(IReadOnlyList<Block> blocks) => WriteAsync(transaction =>
    {
        _ = transaction.HashSetAsync(_blocks, [.. blocks.Select(b => new HashEntry(b.Index, JsonSerializer.Serialize(b, StorageJson.Compact)))]);
        var next = $"{Chain.Length + blocks.Count}:{blocks[^1].Hash}";
        _ = transaction.StringSetAsync(_tip, next);
        return next;
    }, () =>
    {
        foreach (var block in blocks)
        {
            Chain.Append(block);
        }

        return Task.CompletedTask;
    });

    public async Task TruncateAsync(long height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (height >= Chain.Length)
        {
            return;
        }

        var dropped = await ReadAsync(height, Chain.Length - (int)height);
        await WriteAsync(transaction =>
        {
            var next = $"{height}:{Chain.Blocks[(int)height - 1].Hash}";
            _ = transaction.StringSetAsync(_tip, next);
            _ = transaction.HashDeleteAsync(_blocks, [.. Heights(height, Chain.Length - (int)height)]);
            return next;
        }, () =>
        {
            Chain.TruncateTo(height, dropped);
            return Task.CompletedTask;
        });
    }

    public Task<IReadOnlyList<Block>> ReadAsync(long from, int count, CancellationToken cancellation = default) =>
        RedisFailures.Translate(async () =>
        {
            var first = Math.Clamp(from, 0, Chain.Length);
            var total = (int)Math.Min(Chain.Length - first, Math.Max(0, count));
            var blocks = new List<Block>(total);
            for (var at = first; at < first + total; at += Page)
            {
                var values = await _redis.HashGetAsync(_blocks, [.. Heights(at, (int)Math.Min(Page, first + total - at))]);
                blocks.AddRange(values.TakeWhile(v => v.HasValue).Select(v => JsonSerializer.Deserialize<Block>((string)v!, StorageJson.Compact)!));
            }

            return (IReadOnlyList<Block>)blocks;
        });

    public async Task<string?> BackupAsync(CancellationToken cancellation = default)
    {
        if (!_changed || _broken)
        {
            return null;
        }

        var path = await _export.ExportAsync(this, cancellation);
        _changed = false;
        return path;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>One transaction, on condition that the tip is the one this store last wrote or read. Memory changes
    /// only once Redis confirms; any failure (the write may have landed) leaves the store unusable.</summary>
    private Task WriteAsync(Func<ITransaction, string> write, Func<Task> applied) => RedisFailures.Translate(async () =>
    {
        if (_broken)
        {
            throw new StorageUnavailableException("The miner's storage failed a write; the chain is being reloaded.");
        }

        _broken = true;
        var transaction = _redis.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(_tip, _tipRecord));
        var next = write(transaction);
        if (!await transaction.ExecuteAsync())
        {
            throw new StorageUnavailableException("The chain in Redis was changed by another silo; reloading it.");
        }

        (_tipRecord, _broken, _changed) = (next, false, true);
        await applied();
    });

    /// <summary>A new chain: genesis, or the chain Orleans' grain storage kept as one value, converted once.</summary>
    private async Task CreateAsync(StoredChainBuilder builder, RedisKey oldKey, ChainValidator validator)
    {
        var old = await _redis.HashGetAsync(oldKey, "data");
        var blocks = old.HasValue ? JsonSerializer.Deserialize<OldChainState>((string)old!, StorageJson.Compact)?.Blocks ?? [] : [];
        if (blocks.Count == 0)
        {
            blocks = [validator.Rules.Genesis];
        }

        blocks = [.. blocks.TakeWhile(builder.TryAdd)];
        if (builder.Problem is { } problem)
        {
            LogCut(problem, blocks.Count);
        }

        foreach (var page in blocks.Chunk(Page))
        {
            await _redis.HashSetAsync(_blocks, [.. page.Select(b => new HashEntry(b.Index, JsonSerializer.Serialize(b, StorageJson.Compact)))]);
        }

        // The tip last: until it is set, the fields are not a chain (and a second silo converting writes the same).
        await _redis.StringSetAsync(_tip, TipRecord(builder.Chain));
        if (old.HasValue)
        {
            await _redis.KeyDeleteAsync(oldKey);
            LogConverted(blocks.Count);
        }
    }

    /// <summary>Reads the chain page by page, validating as it goes; an invalid block and those after it are cut.</summary>
    private async Task LoadAsync(StoredChainBuilder builder, long length, ChainValidator validator)
    {
        for (long at = 0; at < length; at += Page)
        {
            var values = await _redis.HashGetAsync(_blocks, [.. Heights(at, (int)Math.Min(Page, length - at))]);
            foreach (var value in values)
            {
                var block = value.HasValue ? JsonSerializer.Deserialize<Block>((string)value!, StorageJson.Compact) : null;
                if (block is null || !builder.TryAdd(block))
                {
                    LogCut(builder.Problem ?? $"block {builder.Chain.Length} is missing or unreadable", builder.Chain.Length);
                    if (builder.Chain.Length == 0)
                    {
                        builder.TryAdd(validator.Rules.Genesis);
                    }

                    await _redis.StringSetAsync(_tip, TipRecord(builder.Chain));
                    return;
                }
            }
        }
    }

    private static IEnumerable<RedisValue> Heights(long from, int count) => Enumerable.Range(0, count).Select(i => (RedisValue)(from + i));

    private static string TipRecord(IndexedChain chain) => chain.Length == 0 ? "" : $"{chain.Length}:{chain.Tip.Hash}";

    private static long ParseLength(string tip) => long.Parse(tip.AsSpan(0, tip.IndexOf(':')), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>What Orleans' grain storage held before: the whole chain in one value.</summary>
    private sealed record OldChainState(List<Block> Blocks);

    [LoggerMessage(Level = LogLevel.Error, Message = "The chain in Redis is invalid from {Problem}; keeping the {Length} valid blocks before it")]
    private partial void LogCut(string problem, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Converted the chain in Redis ({Length} blocks) from one value to one field per block")]
    private partial void LogConverted(int length);
}
