using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Pool;

/// <summary>One write to the pool's store: the messages added and the ids removed since the last write.</summary>
public sealed record PoolBatch(IReadOnlyList<Message> Added, IReadOnlyList<Guid> Removed);

/// <summary>
/// A miner's pool as stored, opened by its single writer (the pool grain's activation): a journal of additions and
/// removals, so a write costs what it changes, never the size of the pool. A write that adds messages is durable when its
/// task completes; one that only removes need not be (a removal lost in a crash leaves messages the chain already
/// holds, which the next mining template drops). A failed write leaves the store unusable: open it again.
/// </summary>
public interface IPoolStore : IAsyncDisposable
{
    Task WriteAsync(PoolBatch batch);

    /// <summary>Whether the journal is mostly removed messages and should be rewritten with <see cref="CompactAsync"/>.</summary>
    bool ShouldCompact(int live);

    /// <summary>Rewrites the journal to hold just <paramref name="live"/>.</summary>
    Task CompactAsync(IReadOnlyCollection<Message> live);
}

/// <summary>Opens the pool store of a pool grain (files in embedded mode, Redis in cluster mode).</summary>
public interface IPoolStoreProvider
{
    /// <summary>Opens the pool of <paramref name="poolId"/> and returns it with its stored messages, oldest first.</summary>
    Task<(IPoolStore Store, IReadOnlyList<Message> Messages)> OpenAsync(GrainId poolId, CancellationToken cancellation = default);
}
