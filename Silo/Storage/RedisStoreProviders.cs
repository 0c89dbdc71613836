using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Pool;
using Orleans.Blockchain.Storage;
using StackExchange.Redis;

namespace Orleans.Blockchain.Silo.Storage;

/// <summary>Cluster mode: the chain and pool of each grain in Redis, under keys that start with the cluster id and the
/// grain id (<c>miner-alice/chain/0/…</c>), so one Redis serves many miners.</summary>
public sealed class RedisStoreProviders(
    IConnectionMultiplexer redis, string clusterId, IOptions<MinerOptions> options, ChainValidator validator,
    FileChainStoreProvider files, ILoggerFactory loggers) : IChainStoreProvider, IPoolStoreProvider
{
    public async Task<IChainStore> OpenAsync(GrainId chainId, CancellationToken cancellation = default)
    {
        var export = new ChainFileExport(
            Path.Combine(options.Value.DataDirectory, $"{MinerFileNames.Prefix(options.Value, chainId)}.chain"), files.Versions(chainId));
        return await RedisChainStore.OpenAsync(
            redis.GetDatabase(), $"{clusterId}/{chainId}", OldKey("chain", chainId), validator, export, loggers.CreateLogger<RedisChainStore>());
    }

    async Task<(IPoolStore Store, IReadOnlyList<Message> Messages)> IPoolStoreProvider.OpenAsync(GrainId poolId, CancellationToken cancellation) =>
        await RedisPoolStore.OpenAsync(redis.GetDatabase(), $"{clusterId}/{poolId}", OldKey("pool", poolId), loggers.CreateLogger<RedisPoolStore>());

    /// <summary>Where Orleans' Redis grain storage kept a grain's whole state before (see <c>RedisClusterMode</c>).</summary>
    private RedisKey OldKey(string state, GrainId grainId) => $"{clusterId}/{state}/{grainId}";
}
