using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Observability;
using Orleans.Blockchain.Peers;
using Orleans.Blockchain.Pool;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Chain;

/// <summary>
/// The single writer of a miner's chain. Every change follows one order so that a crash at any point
/// loses no accepted message: the pool gains returned messages first, then the chain is persisted, then
/// the pool drops what the chain now holds, and only then is the new tip announced. The chain lives in its store
/// (<see cref="IChainStore"/>): memory holds the headers and indexes, block contents are read from the store. Which
/// chain wins is <see cref="ForkChoice"/>'s call; fetching peers' chains is <see cref="Sync.ChainSyncGrain"/>'s job,
/// outside this grain's turns.
/// </summary>
public sealed partial class ChainGrain(
    IChainStoreProvider stores,
    ChainValidator validator,
    MiningSignals signals,
    PeerClient peers,
    MinerMetrics metrics,
    IOptions<MinerOptions> options,
    TimeProvider clock,
    ILogger<ChainGrain> logger) : Grain, IChainGrain
{
    private IChainStore? _store;

    /// <summary>The store's view of the chain (the same object): changed by the store only once a write is durable.</summary>
    private const int ReadChunk = 64;

    private IndexedChain _chain = new();
    private MiningWork? _work;

    private IDataPoolGrain Pool => GrainFactory.GetGrain<IDataPoolGrain>(this.GetPrimaryKeyLong());

    private INeighbourGrain Neighbours => GrainFactory.GetGrain<INeighbourGrain>(this.GetPrimaryKeyLong());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _store = await stores.OpenAsync(this.GetGrainId(), cancellationToken);
        _chain = _store.Chain;
        metrics.RecordChainLoaded(_chain.Tip.Index);
        this.RegisterGrainTimer(BackupAsync, new GrainTimerCreationOptions(options.Value.BackupInterval, options.Value.BackupInterval) { KeepAlive = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            await BackupAsync(cancellationToken);
            await _store.DisposeAsync();
        }
    }

    public Task<ChainSummary> GetSummaryAsync() =>
        Task.FromResult(new ChainSummary(_chain.Length, _chain.Tip.Index, _chain.Tip.Hash, _chain.Blocks[0].Hash, validator.Rules.Difficulty));

    /// <summary>Read from the store a few blocks at a time, so that a page never holds more than a page of bytes.</summary>
    public async Task<ImmutableArray<Block>> GetBlocksAsync(long fromHeight = 0, int maxCount = int.MaxValue)
    {
        var page = ImmutableArray.CreateBuilder<Block>();
        long bytes = 0;
        for (var next = Math.Max(0, fromHeight); page.Count < maxCount && next < _chain.Length;)
        {
            var chunk = await Store.ReadAsync(next, Math.Min(ReadChunk, maxCount - page.Count));
            if (chunk.Count == 0)
            {
                break;
            }

            foreach (var block in chunk)
            {
                bytes += BlockSize.JsonBytes(block);
                if (page.Count > 0 && bytes > ChainResponse.MaxPageBytes)
                {
                    return page.ToImmutable();
                }

                page.Add(block);
            }

            next += chunk.Count;
        }

        return page.ToImmutable();
    }

    public async Task<Block?> GetBlockAsync(long height) =>
        height >= 0 && height < _chain.Length ? (await Store.ReadAsync(height, 1)).FirstOrDefault() : null;

    public async Task<Block?> FindBlockAsync(string hash) =>
        _chain.HeightOf(hash) is { } height && await GetBlockAsync(height) is { } block && block.Hash == hash ? block : null;

    public async Task<MessageReceipt> GetReceiptAsync(Guid messageId)
    {
        if (_chain.HeightOf(messageId) is { } height && await GetBlockAsync(height) is { } block)
        {
            var author = block.Messages.FirstOrDefault(m => m.Id == messageId)?.Author;
            return new MessageReceipt(messageId, MessageStatus.InBlock, height, block.Hash, _chain.Tip.Index - height + 1, author);
        }

        return await Pool.FindAsync(messageId) is { } pending
            ? new MessageReceipt(messageId, MessageStatus.Pending, Author: pending.Author)
            : new MessageReceipt(messageId, MessageStatus.Unknown);
    }

    public Task<ImmutableArray<Guid>> WithoutRecordedAsync(ImmutableArray<Guid> ids) =>
        Task.FromResult<ImmutableArray<Guid>>([.. ids.Where(id => !_chain.Contains(id))]);

    public async Task<MiningTemplate?> GetMiningTemplateAsync(int maxMessages)
    {
        // Every silo mines the same block until the tip changes; each call hands out the next range of nonces.
        if (_work is { } work && work.Tip.Hash == _chain.Tip.Hash)
        {
            return work.Lease();
        }

        var pending = await Pool.PeekAsync(maxMessages);
        var recorded = pending.Where(m => _chain.Contains(m.Id)).Select(m => m.Id).ToImmutableArray();
        if (!recorded.IsEmpty)
        {
            // Left behind by a crash between saving the chain and trimming the pool.
            await Pool.RemoveAsync(recorded);
            pending = await Pool.PeekAsync(maxMessages);
        }

        var fitting = validator.Rules.FitToBlock(pending);
        if (fitting.IsEmpty)
        {
            return null;
        }

        _work = new MiningWork(_chain.Tip, fitting, validator.Rules.Difficulty, clock.GetUtcNow());
        return _work.Lease();
    }

    public async Task<ChainUpdate> SubmitBlockAsync(Block block)
    {
        if (ChainValidator.CheckShape(block) is { } malformed)
        {
            return Rejected(malformed);
        }

        if (_chain.HeightOf(block.Hash) is not null && ChainValidator.HashMatches(block))
        {
            return Ignored("the block is already in the chain");
        }

        if (!ChainValidator.HashMatches(block))
        {
            return Rejected($"block {block.Index}: hash does not match the block's content");
        }

        // Proof of work before anything else is done for it (an orphan makes the gateway start a sync).
        if (block.Difficulty != validator.Rules.Difficulty || !ProofOfWork.Meets(block.Hash, validator.Rules.Difficulty))
        {
            return Rejected($"block {block.Index}: hash does not have the network's proof of work");
        }

        // On our tip, or on a block of ours below it (a competing block): a one-block chain like any other.
        if (block.Index >= 1 && block.Index <= _chain.Length && _chain.Blocks[(int)block.Index - 1].Hash == block.PreviousHash)
        {
            return await OfferChainAsync([block]);
        }

        return ForkChoice.Prefers(ChainTip.Of(block), ChainTip.Of(_chain.Tip))
            ? new ChainUpdate(ChainUpdateStatus.Orphan, "the block's chain would win, but its parent is not in our chain", _chain.Tip.Index)
            : Ignored($"the block's chain does not win the fork choice against our tip {_chain.Tip.Index}");
    }

    public async Task<ChainUpdate> OfferChainAsync(ImmutableArray<Block> blocks)
    {
        if (blocks.IsDefaultOrEmpty)
        {
            return Rejected("no blocks were offered");
        }

        var start = blocks[0].Index;
        if (start < 0 || start > _chain.Length)
        {
            return Ignored($"the blocks start at height {start}, beyond our length {_chain.Length}; offer them from a height we share");
        }

        if (start > 0 && _chain.Blocks[(int)start - 1].Hash != blocks[0].PreviousHash)
        {
            return Ignored($"the blocks do not connect to our block {start - 1}; offer them from an earlier height");
        }

        var offered = new ChainTip(start + blocks.Length, blocks[^1].Hash);
        if (!ForkChoice.Prefers(offered, ChainTip.Of(_chain.Tip)))
        {
            return Ignored($"a chain of {offered.Length} blocks with tip {offered.Hash} does not win the fork choice against ours ({_chain.Length}, {_chain.Tip.Hash})");
        }

        var result = start == 0
            ? validator.ValidateChain(blocks)
            : validator.ValidateExtension(_chain.Blocks[(int)start - 1], blocks, id => _chain.HeightOf(id) < start);
        if (!result.IsValid)
        {
            return result.IsPermanent ? Rejected(result.Reason!) : Ignored(result.Reason!);
        }

        var plan = await PlanAsync(start, blocks);
        await ApplyAsync(plan);
        if (plan.Dropped.Count == 0)
        {
            if (plan.Added.Count == 1)
            {
                LogAppended(_chain.Tip.Index, _chain.Tip.Hash, plan.Added[0].Messages.Length);
            }
            else
            {
                LogExtended(plan.Added.Count, _chain.Tip.Index);
            }

            return new ChainUpdate(ChainUpdateStatus.Appended, null, _chain.Tip.Index);
        }

        LogReorganised(plan.Dropped.Count, plan.Added.Count, plan.ForkHeight, plan.ReturnToPool.Length);
        return new ChainUpdate(ChainUpdateStatus.Reorganised, null, _chain.Tip.Index, plan.Dropped.Count);
    }

    private async Task ApplyAsync(Reorganisation plan)
    {
        if (!plan.ReturnToPool.IsEmpty)
        {
            await Pool.AddRangeAsync(plan.ReturnToPool, evenIfFull: true);
        }

        // Stored first, seen after: reads interleave with the write and must never see a block the storage may
        // refuse, so the store changes what it shows only once the write is durable.
        await StoreAsync(plan);

        // The change is made: what follows must not fail it. Messages left in the pool are dropped by the next template.
        try
        {
            await Pool.RemoveAsync(plan.RemoveFromPool);
        }
        catch (StorageUnavailableException e)
        {
            LogTrimFailed(e.Message);
        }

        metrics.RecordChainChange(plan, _chain.Tip.Index);
        signals.TipChanged.Raise(); // this silo's search stops at once; the others hear it from the status grain
        await GrainFactory.GetGrain<IMinerStatusGrain>(this.GetPrimaryKeyLong()).TipChangedAsync();
        await AnnounceAsync(plan.Added[^1]); // in full: memory holds only the tip's header
    }

    private IChainStore Store => _store ?? throw new InvalidOperationException("The chain grain is not activated.");

    /// <summary>The change from our chain to the offered blocks (from <paramref name="start"/> on): our blocks from the
    /// fork on are read from the store, since memory holds only their headers.</summary>
    private async Task<Reorganisation> PlanAsync(long start, ImmutableArray<Block> offered)
    {
        var fork = Reorganisation.FindFork(_chain.Blocks, start, offered);
        var dropped = await Store.ReadAsync(fork, (int)(_chain.Length - fork));
        return new Reorganisation(fork, dropped, offered[(int)(fork - start)..]);
    }

    /// <summary>A reorganisation truncates at the fork, then the new blocks are appended. When the store fails, what it
    /// holds is unknown: the grain goes, and its next activation reads the store again.</summary>
    private async Task StoreAsync(Reorganisation plan)
    {
        try
        {
            await Store.TruncateAsync(plan.ForkHeight);
            await Store.AppendAsync(plan.Added);
        }
        catch (StorageUnavailableException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task BackupAsync(CancellationToken cancellation)
    {
        if (await Store.BackupAsync(cancellation) is { } path)
        {
            LogBackedUp(Path.GetFileName(path), _chain.Length);
        }
    }

    private ChainUpdate Ignored(string reason) => new(ChainUpdateStatus.Ignored, reason, _chain.Tip.Index);

    private ChainUpdate Rejected(string reason)
    {
        LogRejected(reason);
        return new(ChainUpdateStatus.Rejected, reason, _chain.Tip.Index);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Block {Height} {Hash} appended with {Count} messages")]
    private partial void LogAppended(long height, string hash, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted {Count} blocks from a peer; height is now {Height}")]
    private partial void LogExtended(int count, long height);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reorganisation: dropped {Dropped} blocks, adopted {Added} from height {ForkHeight}; {Returned} messages went back to the pool")]
    private partial void LogReorganised(int dropped, int added, long forkHeight, int returned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an invalid block or chain: {Reason}")]
    private partial void LogRejected(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not trim the pool after a chain change: {Problem}")]
    private partial void LogTrimFailed(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up {Length} blocks to {File}")]
    private partial void LogBackedUp(string file, int length);
}
