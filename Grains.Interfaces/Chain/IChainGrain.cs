using System.Collections.Immutable;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Proofs;
using Orleans.Concurrency;

namespace Orleans.Blockchain.Chain;

/// <summary>A miner's chain (key 0): its single writer. Every block and chain offered to it, mined here
/// or received from a peer, is validated in full; the fork choice (most work, then the lower tip hash) decides
/// which valid chain it keeps.</summary>
[Alias("IChainGrain")]
public interface IChainGrain : IGrainWithIntegerKey
{
    /// <summary>Length, tip and difficulty.</summary>
    [Alias("GetSummary"), AlwaysInterleave]
    Task<ChainSummary> GetSummaryAsync();

    /// <summary>Up to <paramref name="maxCount"/> blocks from height <paramref name="fromHeight"/> on, and no more than
    /// a page of bytes (<see cref="Api.ChainResponse.MaxPageBytes"/>, at least one block): one answer stays small.</summary>
    [Alias("GetBlocks"), AlwaysInterleave]
    Task<ImmutableArray<Block>> GetBlocksAsync(long fromHeight = 0, int maxCount = int.MaxValue);

    /// <summary>The block at a height, if the chain is that long.</summary>
    [Alias("GetBlock"), AlwaysInterleave]
    Task<Block?> GetBlockAsync(long height);

    /// <summary>The block with this hash, if it is in the chain.</summary>
    [Alias("FindBlock"), AlwaysInterleave]
    Task<Block?> FindBlockAsync(string hash);

    /// <summary>Where a message stands: in a block (with confirmations), pending in the pool, or unknown.</summary>
    [Alias("GetReceipt"), AlwaysInterleave]
    Task<MessageReceipt> GetReceiptAsync(Guid messageId);

    /// <summary>The inclusion proof of a message in a block of the chain, with the headers up to the tip; null when
    /// no block holds it.</summary>
    [Alias("GetProof"), AlwaysInterleave]
    Task<MessageProof?> GetProofAsync(Guid messageId);

    /// <summary>Those of <paramref name="ids"/> that no block of the chain holds.</summary>
    [Alias("WithoutRecorded"), AlwaysInterleave]
    Task<ImmutableArray<Guid>> WithoutRecordedAsync(ImmutableArray<Guid> ids);

    /// <summary>The next block to mine: on the tip, with the oldest pending messages; null when the pool is empty.</summary>
    [Alias("GetMiningTemplate")]
    Task<MiningTemplate?> GetMiningTemplateAsync(int maxMessages);

    /// <summary>Offers one block (mined here or announced by a peer): taken if it is valid, attaches to our chain and
    /// its chain wins the fork choice; <see cref="ChainUpdateStatus.Orphan"/> if it would win but its parent is unknown.</summary>
    [Alias("SubmitBlock")]
    Task<ChainUpdate> SubmitBlockAsync(Block block);

    /// <summary>Offers a peer's chain: either whole (from genesis) or the blocks after a height we share.
    /// Adopted if valid and it wins the fork choice; the dropped blocks' messages go back to the pool.</summary>
    [Alias("OfferChain")]
    Task<ChainUpdate> OfferChainAsync(ImmutableArray<Block> blocks);
}
