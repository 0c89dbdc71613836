using Microsoft.Extensions.Logging;
using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Chain;

/// <summary>The chain sync job and block announcements: how a miner learns and shares the longest chain.</summary>
public sealed partial class ChainGrain
{
    private static readonly TimeSpan RequestedSyncSpacing = TimeSpan.FromSeconds(2);
    private readonly HashSet<Uri> _syncing = [];
    private readonly Dictionary<Uri, DateTimeOffset> _lastRequestedSync = [];

    public Task SyncWithAsync(Uri peer)
    {
        // At most one requested sync per peer every couple of seconds, however many announcements arrive.
        var now = DateTimeOffset.UtcNow;
        if (_lastRequestedSync.TryGetValue(peer, out var last) && now - last < RequestedSyncSpacing)
        {
            return Task.CompletedTask;
        }

        _lastRequestedSync[peer] = now;

        // Not awaited: the sync runs interleaved on this grain while the caller (a gateway) returns at once.
        _ = SyncWithPeerAsync(peer, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task SyncAsync(CancellationToken cancellation)
    {
        var neighbours = await Neighbours.GetNeighboursAsync();
        await Task.WhenAll(neighbours.Select(n => SyncWithPeerAsync(n.Url, cancellation)));
    }

    /// <summary>If the peer's chain is longer, fetches only the blocks after the last one we share (found by
    /// stepping back 1, 2, 4, ... blocks) and offers them to ourselves like any other chain.</summary>
    private async Task SyncWithPeerAsync(Uri peer, CancellationToken cancellation)
    {
        if (!_syncing.Add(peer))
        {
            return;
        }

        try
        {
            var status = await peers.GetStatusAsync(peer, cancellation);
            if (status.GenesisHash != _chain.Blocks[0].Hash)
            {
                LogOtherNetwork(peer, status.GenesisHash);
                return;
            }

            for (long from = _chain.Length, step = 1; ForkChoice.Prefers(status.Length, _chain.Length); step *= 2)
            {
                var blocks = await peers.GetBlocksAsync(peer, from, cancellation);
                if (blocks.IsEmpty || blocks[0].Index != from)
                {
                    break;
                }

                if (from == 0 || (from <= _chain.Length && blocks[0].PreviousHash == _chain.Blocks[(int)from - 1].Hash))
                {
                    var update = await this.AsReference<IChainGrain>().OfferChainAsync(blocks);
                    if (update.Status == ChainUpdateStatus.Rejected)
                    {
                        // Serving an invalid chain is not a hiccup: this peer is broken or hostile.
                        await Neighbours.BanAsync(peer, $"it served an invalid chain ({update.Reason})");
                    }

                    break;
                }

                from = Math.Max(0, Math.Min(from, _chain.Length) - step);
            }
        }
        catch (Exception e)
        {
            LogSyncFailed(peer, e.Message);
        }
        finally
        {
            _syncing.Remove(peer);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {Peer} is on another network (genesis {Genesis}); not syncing with it")]
    private partial void LogOtherNetwork(Uri peer, string genesis);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain sync with {Peer} failed: {Problem}")]
    private partial void LogSyncFailed(Uri peer, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Announcing to {Peer} failed: {Problem}")]
    private partial void LogAnnounceFailed(Uri peer, string problem);
}
