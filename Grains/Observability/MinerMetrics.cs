using System.Diagnostics.Metrics;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Observability;

/// <summary>
/// The miner's own instruments (meter <see cref="MeterName"/>), recorded where the events happen: the chain,
/// pool and neighbour grains, the mining loop and the peer client. Names and units follow OpenTelemetry's
/// conventions, so a Prometheus exporter turns <c>blockchain.chain.height</c> into <c>blockchain_chain_height</c>,
/// counters gain <c>_total</c> and bytes <c>_bytes</c>. Gauges are recorded by whichever silo hosts the grain.
/// </summary>
public sealed class MinerMetrics
{
    public const string MeterName = "Orleans.Blockchain";

    private readonly Gauge<long> _height;
    private readonly Counter<long> _appended;
    private readonly Counter<long> _reorganisations;
    private readonly Histogram<int> _reorganisationDepth;
    private readonly Counter<long> _mined;
    private readonly Gauge<double> _hashRate;
    private readonly Gauge<int> _poolSize;
    private readonly Gauge<int> _peers;
    private readonly Counter<long> _peerBytes;

    public MinerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _height = meter.CreateGauge<long>("blockchain.chain.height", "{block}", "Height of the chain's tip (genesis is 0).");
        _appended = meter.CreateCounter<long>("blockchain.chain.blocks.appended", "{block}",
            "Blocks added to the chain: mined here, announced by a peer, or adopted from a longer chain.");
        _reorganisations = meter.CreateCounter<long>("blockchain.chain.reorganisations", "{reorganisation}",
            "Times a longer chain replaced blocks of ours.");
        _reorganisationDepth = meter.CreateHistogram("blockchain.chain.reorganisation.depth", "{block}",
            "Blocks of ours dropped by one reorganisation.", tags: null,
            new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3, 5, 10, 20, 50, 100] });
        _mined = meter.CreateCounter<long>("blockchain.mining.blocks.mined", "{block}",
            "Blocks this silo's mining threads solved that the chain appended.");
        _hashRate = meter.CreateGauge<double>("blockchain.mining.hash_rate", "{hash}/s", "Nonces this silo tried per second lately.");
        _poolSize = meter.CreateGauge<int>("blockchain.pool.size", "{message}", "Messages waiting in the pool to be mined.");
        _peers = meter.CreateGauge<int>("blockchain.peers", "{peer}", "Neighbours this miner knows.");
        _peerBytes = meter.CreateCounter<long>("blockchain.sync.received", "By",
            "Bytes of peers' answers read by the sync, gossip and data jobs, by what was fetched.");
    }

    /// <summary>The chain grain activated: its height, and the chain's counters at zero so that their series exist
    /// (and <c>rate()</c> works) before the first block or reorganisation.</summary>
    public void RecordChainLoaded(long height)
    {
        _height.Record(height);
        _appended.Add(0);
        _reorganisations.Add(0);
    }

    /// <summary>A change the chain grain has persisted: the new height, the blocks added, and a reorganisation if any were dropped.</summary>
    public void RecordChainChange(Reorganisation change, long height)
    {
        _height.Record(height);
        _appended.Add(change.Added.Count);
        if (change.Dropped.Count > 0)
        {
            _reorganisations.Add(1);
            _reorganisationDepth.Record(change.Dropped.Count);
        }
    }

    public void RecordMined() => _mined.Add(1);

    /// <summary>This silo's periodic mining report; it also puts the mined counter's series at zero on a silo that has not mined yet.</summary>
    public void RecordHashRate(double hashesPerSecond)
    {
        _hashRate.Record(hashesPerSecond);
        _mined.Add(0);
    }

    public void RecordPoolSize(int messages) => _poolSize.Record(messages);

    public void RecordPeers(int peers) => _peers.Record(peers);

    /// <summary>A peer's answer was read; <paramref name="resource"/> says what was fetched (<c>chain</c>, <c>status</c>,
    /// <c>data</c> or <c>neighbours</c>).</summary>
    public void RecordPeerAnswer(string resource, int bytes) => _peerBytes.Add(bytes, new KeyValuePair<string, object?>("resource", resource));
}
