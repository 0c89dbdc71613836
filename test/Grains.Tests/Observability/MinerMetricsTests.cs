using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Observability;
using Orleans.Blockchain.Pool;
using Orleans.Blockchain.Tests.Cluster;

namespace Orleans.Blockchain.Tests.Observability;

/// <summary>The chain and pool grains record the miner's meters as their state changes. Measurements from
/// every silo (and any other miner in this process) arrive here, so the tests look for values only their own
/// grains produce.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MinerMetricsTests(ClusterFixture fixture) : IDisposable
{
    private static readonly ChainRules Rules = new(ClusterFixture.Difficulty);
    private readonly long _key = ClusterFixture.NewKey();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value)> _measurements = new();

    private IChainGrain Chain => fixture.Grains.GetGrain<IChainGrain>(_key);

    private IDataPoolGrain Pool => fixture.Grains.GetGrain<IDataPoolGrain>(_key);

    [Fact]
    public async Task A_reorganisation_records_the_height_the_blocks_added_and_its_depth()
    {
        Listen();
        var shared = TestBlocks.Chain(Rules, 1, "shared");
        var ours = TestBlocks.Extend(shared, 2, "ours");
        var theirs = TestBlocks.Extend(shared, 6, "theirs");
        await Chain.OfferChainAsync([.. ours]);

        var update = await Chain.OfferChainAsync([.. theirs.Skip(2)]);

        Assert.Equal(ChainUpdateStatus.Reorganised, update.Status);
        Assert.Contains(("blockchain.chain.height", 7d), _measurements);
        Assert.Contains(("blockchain.chain.blocks.appended", 6d), _measurements);
        Assert.Contains(("blockchain.chain.reorganisations", 1d), _measurements);
        Assert.Contains(("blockchain.chain.reorganisation.depth", 2d), _measurements);
    }

    [Fact]
    public async Task The_pool_size_follows_added_and_removed_messages()
    {
        var messages = Enumerable.Range(0, 13).Select(i => TestBlocks.NewMessage($"metrics {i}")).ToList();
        await Pool.GetMessagesAsync(); // activated before listening: only the changes below are seen
        Listen();

        await Pool.AddRangeAsync([.. messages]);
        await Pool.RemoveAsync([messages[0].Id]);

        Assert.Contains(("blockchain.pool.size", 13d), _measurements);
        Assert.Contains(("blockchain.pool.size", 12d), _measurements);
    }

    public void Dispose() => _listener.Dispose();

    private void Listen()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MinerMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _measurements.Enqueue((instrument.Name, value)));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _measurements.Enqueue((instrument.Name, value)));
        _listener.Start();
    }
}
