namespace Orleans.Blockchain.Chain;

/// <summary>
/// A miner's chain as stored, opened by its single writer (the chain grain's activation). Each change costs what it
/// changes, never the size of the chain: blocks are appended, and only a reorganisation truncates. A change is
/// durable when its task completes, and only then does <see cref="Chain"/> show it, so nothing unstored is ever used.
/// A failed write leaves the store unusable (it may or may not have landed): open it again to see what is stored.
/// </summary>
public interface IChainStore : IAsyncDisposable
{
    /// <summary>What is stored, validated at open: the headers, and the look-ups by block hash
    /// (<see cref="IndexedChain.HeightOf(string)"/>) and by message id (<see cref="IndexedChain.HeightOf(Guid)"/>).</summary>
    IndexedChain Chain { get; }

    /// <summary>Appends blocks that extend the tip (validated by the caller).</summary>
    Task AppendAsync(IReadOnlyList<Block> blocks);

    /// <summary>Drops the blocks from <paramref name="height"/> on (a reorganisation; genesis stays).</summary>
    Task TruncateAsync(long height);

    /// <summary>Up to <paramref name="count"/> whole blocks from height <paramref name="from"/> on.</summary>
    Task<IReadOnlyList<Block>> ReadAsync(long from, int count, CancellationToken cancellation = default);

    /// <summary>The backup job: writes a timestamped version of the chain if it changed since the last one; returns its
    /// path, or null when there was nothing new.</summary>
    Task<string?> BackupAsync(CancellationToken cancellation = default);
}

/// <summary>Opens the chain store of a chain grain (files in embedded mode, Redis in cluster mode).</summary>
public interface IChainStoreProvider
{
    /// <summary>Opens (or creates, with genesis) the chain of <paramref name="chainId"/>; throws
    /// <c>StorageUnavailableException</c> when the storage cannot be reached.</summary>
    Task<IChainStore> OpenAsync(GrainId chainId, CancellationToken cancellation = default);
}
