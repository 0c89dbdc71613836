using Orleans.Concurrency;
using System.Collections.Immutable;

namespace Orleans.Blockchain.Peers;

/// <summary>The peers a miner talks to (key 0), at most the configured maximum.</summary>
[Alias("INeighbourGrain")]
public interface INeighbourGrain : IGrainWithIntegerKey
{
    /// <summary>The known peers and their health.</summary>
    [Alias("GetNeighbours"), AlwaysInterleave]
    Task<ImmutableArray<Neighbour>> GetNeighboursAsync();

    /// <summary>Adds a peer URL unless it is invalid, known, or the list is full.</summary>
    [Alias("Add")]
    Task<NeighbourAddResult> AddAsync(Uri url);

    /// <summary>Forgets a peer; false if it was not known.</summary>
    [Alias("Remove")]
    Task<bool> RemoveAsync(Uri url);

    /// <summary>Drops a peer that served invalid data and refuses it from then on (until this miner restarts).</summary>
    [Alias("Ban")]
    Task BanAsync(Uri url, string reason);

    /// <summary>Records whether a health check of the peer (a gossip round) succeeded.</summary>
    [Alias("Report")]
    Task ReportAsync(Uri url, bool succeeded);
}
