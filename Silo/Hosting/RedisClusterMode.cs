using System.Net;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Pool;
using Orleans.Blockchain.Silo.Storage;
using Orleans.Blockchain.Storage;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using StackExchange.Redis;

namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>
/// Cluster mode: the miner's silos find each other through Redis and keep their grains' state there, so any
/// silo can host the chain, the pool and the neighbours, and a surviving silo re-activates them after a crash.
/// The grains do not know: they still ask for the storage named <see cref="MinerFileStorage.Name"/> and for the
/// chain and pool store providers.
/// </summary>
public static class RedisClusterMode
{
    private const string RedisStorageName = "miner-redis";

    public static ISiloBuilder UseRedisCluster(this ISiloBuilder silo, SiloHostOptions host, string clusterId)
    {
        var redis = host.Redis ?? throw new InvalidOperationException("Cluster mode needs Miner:Redis, a Redis connection string.");
        silo.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (clusterId, host.ServiceId));

        // Listening on every address only when the silo is advertised beyond this machine.
        if (IPAddress.TryParse(host.AdvertisedAddress, out var address))
        {
            silo.ConfigureEndpoints(address, host.SiloPort, host.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
        }
        else
        {
            silo.ConfigureEndpoints(host.AdvertisedAddress, host.SiloPort, host.GatewayPort, listenOnAnyHostAddress: true);
        }

        silo.UseRedisClustering(options => options.ConfigurationOptions = Connection(redis));
        silo.AddRedisGrainStorage(RedisStorageName, options =>
        {
            options.ConfigurationOptions = Connection(redis);
            options.GrainStorageSerializer = new StorageJsonSerializer();

            // One Redis may serve several miners: each miner's keys start with its cluster id (miner-alice/chain/chain/0).
            options.GetStorageKey = (state, grain) => $"{clusterId}/{state}/{grain}";
        });
        silo.Services.AddGrainStorage(MinerFileStorage.Name, (sp, _) =>
            new StorageErrorTranslator(sp.GetRequiredKeyedService<IGrainStorage>(RedisStorageName)));

        // The chain and the pool have stores of their own: one hash field per block and per message.
        silo.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(Connection(redis)));
        silo.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RedisStoreProviders>(sp, clusterId));
        silo.Services.AddSingleton<IChainStoreProvider>(sp => sp.GetRequiredService<RedisStoreProviders>());
        silo.Services.AddSingleton<IPoolStoreProvider>(sp => sp.GetRequiredService<RedisStoreProviders>());

        if (host.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }

        return silo;
    }

    /// <summary>Keeps retrying in the background while Redis is down, instead of failing for good at the first try.</summary>
    public static ConfigurationOptions Connection(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        return options;
    }
}
