using Microsoft.Extensions.DependencyInjection;
using Orleans.Blockchain.Peers;
using Orleans.Blockchain.Silo.Mining;
using Orleans.TestingHost;

namespace Orleans.Blockchain.Tests.Cluster;

/// <summary>A 2-silo miner with file storage in a temp directory and one mining thread per silo.
/// Tests that must not be disturbed by mining use grains of another key than 0 (the mined one).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int Difficulty = 2;
    public const int MaxPoolSize = 20;
    public const string PublicUrl = "http://127.0.0.1:5999/";

    private readonly TempDirectory _data = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string DataDirectory => _data.Path;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.Configure<MinerOptions>(options =>
            {
                options.Name = "test";
                options.DataDirectory = _data.Path;
                options.Difficulty = Difficulty;
                options.MiningThreads = 1;
                options.MaxPoolSize = MaxPoolSize;
                options.PublicUrl = PublicUrl;

                // No peer jobs: these tests talk to grains alone; the network tests run the jobs.
                options.FirstGossipDelay = options.GossipInterval = options.ChainSyncInterval = options.DataSyncInterval = Timeout.InfiniteTimeSpan;
            });
            silo.Services.AddMinerGrainServices().AddMinerFileStorage();
            silo.Services.AddSingleton<IPeerAdmission, FakeAdmission>();
            silo.Services.AddHostedService<MiningService>();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>A key no other test uses, for grains that nothing mines.</summary>
    public static long NewKey() => Random.Shared.NextInt64(1, long.MaxValue);
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
