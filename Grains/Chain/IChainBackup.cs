namespace Orleans.Blockchain.Chain;

/// <summary>The backup job's target: timestamped copies of a chain that a person can read and restore.</summary>
public interface IChainBackup
{
    /// <summary>Writes a version if the chain changed since the last one; returns where, or null.</summary>
    Task<string?> BackupAsync(GrainId chainId, IReadOnlyList<Block> chain, CancellationToken cancellation = default);
}
