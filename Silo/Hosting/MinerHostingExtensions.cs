using Orleans.Blockchain.Configuration;
using Orleans.Blockchain.Silo.Mining;
using Orleans.Blockchain.Storage;
using Orleans.Dashboard;

namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>Turns a generic host into a miner's silo: the miner's grains, their storage and the mining threads.
/// Embedded mode (the default): one silo, localhost clustering, files. Cluster mode (<c>Miner:Redis</c> set):
/// one of several silos sharing Redis for membership and grain state.</summary>
public static class MinerHostingExtensions
{
    /// <param name="builder">The host.</param>
    /// <param name="hostsGateway">Whether the host also serves the miner's gateway (<see cref="SiloHostOptions.HostGateway"/>,
    /// decided by <see cref="MinerHost"/>): its meters then join the gateway's.</param>
    public static IHostApplicationBuilder AddMiner(this IHostApplicationBuilder builder, bool hostsGateway = false)
    {
        var section = builder.Configuration.GetSection(MinerOptions.Section);
        var miner = section.Get<MinerOptions>() ?? new MinerOptions();
        var host = section.Get<SiloHostOptions>() ?? new SiloHostOptions();
        DataDirectory.EnsureWritable(miner.DataDirectory);

        // Before UseOrleans: the meters' provider must exist before the grains and the mining loop first record.
        builder.AddMinerObservability(hostsGateway);

        builder.Services.Configure<MinerOptions>(section);
        builder.Services.Configure<SiloHostOptions>(section).AddSettingsValidation<SiloHostOptions>(MinerOptions.Section);
        builder.Services.Configure<MetricsEndpointOptions>(section).AddSettingsValidation<MetricsEndpointOptions>(MinerOptions.Section);
        builder.Services.AddMinerGrainServices();
        builder.UseOrleans(silo =>
        {
            var clusterId = host.ClusterIdFor(miner.Name);
            if (string.IsNullOrWhiteSpace(host.Redis))
            {
                silo.UseLocalhostClustering(host.SiloPort, host.GatewayPort, serviceId: host.ServiceId, clusterId: clusterId);
                silo.Services.AddMinerFileStorage();
            }
            else
            {
                silo.UseRedisCluster(host, clusterId);
            }

            // The dashboard's grains and call statistics; the gateway serves its pages at /dashboard.
            if (host.Dashboard)
            {
                silo.AddDashboard();
            }
        });

        // After UseOrleans: hosted services start in order, so mining starts once the silo is up.
        builder.Services.AddHostedService<MiningService>();
        builder.Services.AddHostedService<MinerJobsKeeper>();
        return builder;
    }
}
