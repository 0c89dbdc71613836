using System.Text.Json;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Pool;
using Orleans.Blockchain.Storage;
using StackExchange.Redis;

namespace Orleans.Blockchain.Silo.Storage;

/// <summary>
/// The pool in Redis (cluster mode): one hash field per pending message (<c>&lt;cluster&gt;/pool/0/messages</c>, field =
/// id, value = <c>{"seq":n,"message":{…}}</c>, the sequence keeping the arrival order). A batch is one transaction
/// (one round trip, however many messages); removing costs one field each. The old format (the whole pool as one
/// Orleans state value) is converted once.
/// </summary>
public sealed partial class RedisPoolStore(IDatabase redis, RedisKey messages, long nextSequence, ILogger logger) : IPoolStore
{
    private long _sequence = nextSequence;

    public static Task<(IPoolStore Store, IReadOnlyList<Message> Messages)> OpenAsync(IDatabase redis, string prefix, RedisKey oldKey, ILogger logger) =>
        RedisFailures.Translate(async () =>
        {
            RedisKey key = $"{prefix}/messages";
            var entries = (await redis.HashGetAllAsync(key))
                .Select(e => JsonSerializer.Deserialize<StoredMessage>((string)e.Value!, StorageJson.Compact))
                .OfType<StoredMessage>()
                .OrderBy(e => e.Seq)
                .ToList();
            var store = new RedisPoolStore(redis, key, entries.Count == 0 ? 0 : entries[^1].Seq + 1, logger);
            if (entries.Count == 0 && await redis.HashGetAsync(oldKey, "data") is { HasValue: true } old)
            {
                var converted = JsonSerializer.Deserialize<PoolState>((string)old!, StorageJson.Compact)?.Messages ?? [];
                await store.WriteAsync(new PoolBatch(converted, []));
                await redis.KeyDeleteAsync(oldKey);
                store.LogConverted(converted.Count);
                return ((IPoolStore)store, (IReadOnlyList<Message>)converted);
            }

            return (store, [.. entries.Select(e => e.Message)]);
        });

    public Task WriteAsync(PoolBatch batch) => RedisFailures.Translate(async () =>
    {
        var transaction = redis.CreateTransaction();
        if (batch.Added.Count > 0)
        {
            _ = transaction.HashSetAsync(messages, [.. batch.Added.Select(m => new HashEntry(m.Id.ToString(), JsonSerializer.Serialize(new StoredMessage(_sequence++, m), StorageJson.Compact)))]);
        }

        if (batch.Removed.Count > 0)
        {
            _ = transaction.HashDeleteAsync(messages, [.. batch.Removed.Select(id => (RedisValue)id.ToString())]);
        }

        await transaction.ExecuteAsync();
    });

    /// <summary>Nothing dead stays behind: a removal deletes its field.</summary>
    public bool ShouldCompact(int live) => false;

    public Task CompactAsync(IReadOnlyCollection<Message> live) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed record StoredMessage(long Seq, Message Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Converted the pool in Redis ({Count} messages) from one value to one field per message")]
    private partial void LogConverted(int count);
}
