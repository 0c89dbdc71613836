using Orleans.Concurrency;
using System.Collections.Immutable;

namespace Orleans.Blockchain.Peers;

/// <summary>The peers a miner talks to (key 0), at most the configured maximum.</summary>
[Alias("INeighbourGrain")]
public interface INeighbourGrain : IGrainWithIntegerKey
{
    /// <summary>The peers the jobs talk to, and their health: the known ones, less those a staged partition cuts off.</summary>
    [Alias("GetNeighbours"), AlwaysInterleave]
    Task<ImmutableArray<Neighbour>> GetNeighboursAsync();

    /// <summary>Adds a peer (a base URL) once it answers <c>GET /status</c> with our genesis, unless it is invalid, known,
    /// refused, or the list is full. Interleaves: the peer's answer is awaited without holding up the other calls.</summary>
    [Alias("Add"), AlwaysInterleave]
    Task<NeighbourAddOutcome> AddAsync(Uri url);

    /// <summary>Forgets a peer; false if it was not known.</summary>
    [Alias("Remove")]
    Task<bool> RemoveAsync(Uri url);

    /// <summary>Drops a peer that served what no honest peer serves and refuses its host and port for a while
    /// (<c>Miner:PeerBanDuration</c>).</summary>
    [Alias("Ban")]
    Task BanAsync(Uri url, string reason);

    /// <summary>Stages a partition: from now on this miner ignores these peers (no gossip, chain sync, data sync or
    /// announcements with them) until it is called again; an empty list heals it. Survives restarts.</summary>
    [Alias("SetPartition")]
    Task SetPartitionAsync(ImmutableArray<Uri> cutOff);

    /// <summary>The peers a staged partition cuts off; empty when there is none.</summary>
    [Alias("GetPartition"), AlwaysInterleave]
    Task<ImmutableArray<Uri>> GetPartitionAsync();

    /// <summary>Records whether a health check of the peer (a gossip round) succeeded.</summary>
    [Alias("Report")]
    Task ReportAsync(Uri url, bool succeeded);
}
