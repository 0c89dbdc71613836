namespace Orleans.Blockchain.Sync;

/// <summary>A miner's unprocessed-data sync (key 0): every data-sync interval it pulls the oldest messages of each
/// neighbour's pool and hands the pool those that no block of the chain holds. A grain of its own, so that the pool
/// never calls the chain (the chain calls the pool when blocks come and go).</summary>
[Alias("IDataSyncGrain")]
public interface IDataSyncGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the sync job runs (the silo calls it at start and now and then, so that after a failover the
    /// job resumes on a surviving silo).</summary>
    [Alias("Start")]
    Task StartAsync();
}
