using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Storage;

/// <summary>The backup job in cluster mode, where the chain lives in Redis: besides the timestamped versions it
/// exports the chain to the seed's <c>&lt;name&gt;.chain</c> and <c>&lt;name&gt;.hash</c> in the data directory of the
/// silo that hosts the chain grain (in embedded mode the storage itself keeps those two files current).</summary>
public sealed class ChainFileExport(MinerFileStorage files) : IChainBackup
{
    public async Task<string?> BackupAsync(GrainId chainId, IReadOnlyList<Block> chain, CancellationToken cancellation = default)
    {
        var target = files.ChainFiles(chainId);
        await target.SaveAsync(chain, cancellation);
        return await target.BackupAsync(chain, cancellation);
    }
}
