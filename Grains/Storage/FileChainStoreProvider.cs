using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Storage;

/// <summary>Embedded mode: each chain grain's chain is <c>&lt;name&gt;.chain</c> in the data directory.</summary>
public sealed class FileChainStoreProvider(IOptions<MinerOptions> options, ChainValidator validator, TimeProvider clock, ILogger<FileChainStore> logger)
    : IChainStoreProvider
{
    public async Task<IChainStore> OpenAsync(GrainId chainId, CancellationToken cancellation = default) =>
        await FileChainStore.OpenAsync(options.Value.DataDirectory, MinerFileNames.Prefix(options.Value, chainId), validator, Versions(chainId), clock, logger, cancellation);

    /// <summary>The older versions of a chain's file (cluster mode writes them too, from Redis).</summary>
    public ChainVersions Versions(GrainId chainId) =>
        new(options.Value.DataDirectory, MinerFileNames.Prefix(options.Value, chainId), options.Value.BackupRetention, options.Value.BackupMaxBytes, clock);
}
