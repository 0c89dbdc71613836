using Microsoft.Extensions.Logging;
using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Chain;

/// <summary>The chain sync job and block announcements: how a miner learns and shares the longest chain.</summary>
public sealed partial class ChainGrain
{
    private const int SyncPageSize = 500;
    private const int MaxBlocksPerSync = 100_000;
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

    /// <summary>If the peer's chain is longer: find the last block we share by probing one block at a time
    /// (stepping back 1, 2, 4, ... blocks), fetch the blocks after it in pages, and offer them to ourselves
    /// like any other chain. Each answer is small, however long the chains grow.</summary>
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

            if (!ForkChoice.Prefers(status.Length, _chain.Length) || await FindSharedHeightAsync(peer, cancellation) is not { } from)
            {
                return;
            }

            // Bounded: a peer that claims an endless chain costs one round's worth of pages, then gets offered.
            var blocks = new List<Block>();
            while (from + blocks.Count < status.Length && blocks.Count < MaxBlocksPerSync)
            {
                var page = await peers.GetBlocksAsync(peer, from + blocks.Count, SyncPageSize, cancellation);
                if (page.IsEmpty || page[0].Index != from + blocks.Count)
                {
                    break;
                }

                blocks.AddRange(page);
            }

            if (blocks.Count == 0)
            {
                return;
            }

            var update = await this.AsReference<IChainGrain>().OfferChainAsync([.. blocks]);
            if (update.Status == ChainUpdateStatus.Rejected)
            {
                // Serving an invalid chain is not a hiccup: this peer is broken or hostile.
                await Neighbours.BanAsync(peer, $"it served an invalid chain ({update.Reason})");
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

    /// <summary>The height from which the peer's blocks attach to ours (its block there names our block below
    /// as previous), or null if the peer answers nothing usable.</summary>
    private async Task<long?> FindSharedHeightAsync(Uri peer, CancellationToken cancellation)
    {
        for (long from = _chain.Length, step = 1; ; step *= 2)
        {
            var probe = await peers.GetBlocksAsync(peer, from, 1, cancellation);
            if (probe.IsEmpty || probe[0].Index != from)
            {
                return null;
            }

            if (from == 0 || (from <= _chain.Length && probe[0].PreviousHash == _chain.Blocks[(int)from - 1].Hash))
            {
                return from;
            }

            from = Math.Max(0, Math.Min(from, _chain.Length) - step);
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
