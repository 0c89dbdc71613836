using Orleans.Blockchain.Silo.Mining;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>Turns a generic host into a miner: one Orleans silo with the miner's grains, file storage and mining threads.</summary>
public static class MinerHostingExtensions
{
    public static IHostApplicationBuilder AddMiner(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MinerOptions.Section);
        var miner = section.Get<MinerOptions>() ?? new MinerOptions();
        var host = section.Get<SiloHostOptions>() ?? new SiloHostOptions();
        DataDirectory.EnsureWritable(miner.DataDirectory);

        builder.Services.Configure<MinerOptions>(section);
        builder.Services.AddMinerGrainServices();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(
            host.SiloPort, host.GatewayPort, serviceId: host.ServiceId, clusterId: host.ClusterId ?? $"miner-{miner.Name}"));

        // After UseOrleans: hosted services start in order, so mining starts once the silo is up.
        builder.Services.AddHostedService<MiningService>();
        return builder;
    }
}
