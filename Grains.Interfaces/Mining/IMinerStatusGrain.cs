using Orleans.Concurrency;

namespace Orleans.Blockchain.Mining;

/// <summary>The miner's mining silos (key 0): each reports its hash rate every few seconds, with the observer
/// through which it wants to hear of a new tip or new messages. Serves <c>/status</c>.</summary>
[Alias("IMinerStatusGrain")]
public interface IMinerStatusGrain : IGrainWithIntegerKey
{
    /// <summary>Records the latest report of one silo and (re)subscribes its observer.</summary>
    [Alias("Report")]
    Task ReportAsync(MiningReport report, IMiningObserver observer);

    /// <summary>The miner's name and the recent report of each silo.</summary>
    [Alias("GetStatus"), AlwaysInterleave]
    Task<MinerStatus> GetStatusAsync();

    /// <summary>Tells every mining silo that the tip changed.</summary>
    [Alias("TipChanged"), OneWay]
    Task TipChangedAsync();

    /// <summary>Tells every mining silo that the pool has new messages.</summary>
    [Alias("PoolChanged"), OneWay]
    Task PoolChangedAsync();
}
