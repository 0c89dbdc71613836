using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Configuration;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Observability;
using Orleans.Blockchain.Peers;
using Orleans.Blockchain.Pool;
using Orleans.Blockchain.Storage;
using Orleans.Runtime.Hosting;

namespace Orleans.Blockchain;

/// <summary>Registers what the grains of a miner need, for the silo host and for test clusters alike.</summary>
public static class MinerServiceCollectionExtensions
{
    /// <summary>Domain services, mining, and the chain's backup files (written in every mode).</summary>
    public static IServiceCollection AddMinerGrainServices(this IServiceCollection services)
    {
        services.AddSettingsValidation<MinerOptions>(MinerOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MinerOptions>>().Value.ToChainRules());
        services.AddSingleton<ChainValidator>();
        services.AddSingleton<MiningSignals>();
        services.AddSingleton<INonceSearcher, MidstateNonceSearcher>();
        services.AddSingleton<BlockMiner>();
        services.AddSingleton<MinerMetrics>();
        services.AddPeerClient();
        services.AddSingleton<MinerFileStorage>();
        services.AddSingleton<FileChainStoreProvider>();
        return services;
    }

    /// <summary>Embedded mode: the chain and pool stores and the grain storage named <see cref="MinerFileStorage.Name"/>,
    /// all files in the data directory.</summary>
    public static IServiceCollection AddMinerFileStorage(this IServiceCollection services)
    {
        services.AddSingleton<IChainStoreProvider>(sp => sp.GetRequiredService<FileChainStoreProvider>());
        services.AddSingleton<IPoolStoreProvider, FilePoolStoreProvider>();
        return services.AddGrainStorage(MinerFileStorage.Name, (sp, _) => sp.GetRequiredService<MinerFileStorage>());
    }
}
