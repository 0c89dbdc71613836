using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Pool;

namespace Orleans.Blockchain.Storage;

/// <summary>Embedded mode: each pool grain's journal is <c>&lt;name&gt;.pool</c> in the data directory.</summary>
public sealed class FilePoolStoreProvider(IOptions<MinerOptions> options, ILogger<FilePoolStore> logger) : IPoolStoreProvider
{
    public async Task<(IPoolStore Store, IReadOnlyList<Message> Messages)> OpenAsync(GrainId poolId, CancellationToken cancellation = default)
    {
        var path = Path.Combine(options.Value.DataDirectory, $"{MinerFileNames.Prefix(options.Value, poolId)}.pool");
        var (store, messages) = await FilePoolStore.OpenAsync(path, logger, cancellation);
        return (store, messages);
    }
}
