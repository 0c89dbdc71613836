using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Orleans.Blockchain.Sync;

/// <summary>A miner's chain sync (key 0): every chain-sync interval it asks each neighbour for its tip, fetches the
/// chain of any that wins the fork choice page by page, and offers it to the chain grain like any client. It also
/// remembers what each peer's chain looks like, for <c>GET /tips</c> and the network view.</summary>
[Alias("IChainSyncGrain")]
public interface IChainSyncGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the sync job runs (the silo calls it at start and now and then, so that after a failover the
    /// job resumes on a surviving silo).</summary>
    [Alias("Start")]
    Task StartAsync();

    /// <summary>Starts a sync with one peer in the background: it announced a block whose chain would win.</summary>
    [Alias("SyncWith")]
    Task SyncWithAsync(Uri peer);

    /// <summary>What each neighbour's chain looked like at its last probe, peers cut off by a partition included.</summary>
    [Alias("GetPeerChains"), AlwaysInterleave]
    Task<ImmutableArray<PeerChain>> GetPeerChainsAsync();
}
