using Microsoft.Extensions.Logging;
using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Chain;

/// <summary>Block announcements: how a miner shares a new tip at once instead of waiting for its peers' sync.</summary>
public sealed partial class ChainGrain
{
    /// <summary>Pushes the new tip to every neighbour at once instead of waiting for their sync timers.
    /// Runs off the grain: no grain state is touched, and a slow peer delays nobody.</summary>
    private async Task AnnounceAsync(Block tip)
    {
        var neighbours = await Neighbours.GetNeighboursAsync();
        var self = PeerUrl.TryNormalise(options.Value.PublicUrl, out var url) ? url : null;
        _ = Task.Run(() => Task.WhenAll(neighbours.Select(async n =>
        {
            try
            {
                await peers.AnnounceAsync(n.Url, tip, self, CancellationToken.None);
            }
            catch (Exception e)
            {
                LogAnnounceFailed(n.Url, e.Message);
            }
        })));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Announcing to {Peer} failed: {Problem}")]
    private partial void LogAnnounceFailed(Uri peer, string problem);
}
