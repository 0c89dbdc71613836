using Orleans.Concurrency;

namespace Orleans.Blockchain.Mining;

/// <summary>Collects the mining reports of a miner's silos (key 0), for <c>/status</c>.</summary>
[Alias("IMinerStatusGrain")]
public interface IMinerStatusGrain : IGrainWithIntegerKey
{
    /// <summary>Records the latest report of one silo.</summary>
    [Alias("Report")]
    Task ReportAsync(MiningReport report);

    /// <summary>The miner's name and the recent report of each silo.</summary>
    [Alias("GetStatus"), AlwaysInterleave]
    Task<MinerStatus> GetStatusAsync();
}
