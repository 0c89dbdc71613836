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

    /// <summary>Records whether a health check of the peer (a gossip round) succeeded.</summary>
    [Alias("Report")]
    Task ReportAsync(Uri url, bool succeeded);
}
