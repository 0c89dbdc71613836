using Orleans.Concurrency;
using System.Collections.Immutable;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Pool;

/// <summary>A miner's unprocessed messages: those accepted but not yet in a block of its chain.
/// One per miner (key 0). Only the chain grain removes from it, so the two never wait on each other.</summary>
[Alias("IDataPoolGrain")]
public interface IDataPoolGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a message unless its id is known or the pool is full; persisted before it answers.</summary>
    [Alias("Add")]
    Task<PoolAddResult> AddAsync(Message message);

    /// <summary>Users' messages that arrived together, each answered as <see cref="AddAsync"/> would answer it (a copy
    /// of one earlier in the list is a duplicate); those added are stored in one write before it answers.</summary>
    [Alias("AddMany")]
    Task<ImmutableArray<PoolAddResult>> AddManyAsync(ImmutableArray<Message> messages);

    /// <summary>Adds the messages a peer or a reorganisation hands over; returns how many were new. Peers' messages fill
    /// only their share of the pool (the rest is kept for users' <see cref="AddAsync"/>); with
    /// <paramref name="evenIfFull"/> (reorganisations) no limit is applied: nothing accepted is dropped.</summary>
    [Alias("AddRange")]
    Task<int> AddRangeAsync(ImmutableArray<Message> messages, bool evenIfFull = false);

    /// <summary>All pending messages, oldest first.</summary>
    [Alias("GetMessages"), AlwaysInterleave]
    Task<ImmutableArray<Message>> GetMessagesAsync();

    /// <summary>How many messages are pending.</summary>
    [Alias("Count"), AlwaysInterleave]
    Task<int> CountAsync();

    /// <summary>Up to <paramref name="maxCount"/> pending messages, oldest first, from the one after
    /// <paramref name="after"/> on; from the oldest when <paramref name="after"/> is null or no longer pending (so a
    /// reader following pages may see a message twice, never miss one).</summary>
    [Alias("GetPage"), AlwaysInterleave]
    Task<ImmutableArray<Message>> GetPageAsync(Guid? after, int maxCount);

    /// <summary>The oldest <paramref name="maxCount"/> pending messages: the next block's content.</summary>
    [Alias("Peek"), AlwaysInterleave]
    Task<ImmutableArray<Message>> PeekAsync(int maxCount);

    /// <summary>The pending message with this id, if any.</summary>
    [Alias("Find"), AlwaysInterleave]
    Task<Message?> FindAsync(Guid id);

    /// <summary>Those of <paramref name="ids"/> that the pool does not hold.</summary>
    [Alias("WithoutKnown"), AlwaysInterleave]
    Task<ImmutableArray<Guid>> WithoutKnownAsync(ImmutableArray<Guid> ids);

    /// <summary>Drops messages that a block of the chain now holds.</summary>
    [Alias("Remove")]
    Task RemoveAsync(ImmutableArray<Guid> ids);
}
