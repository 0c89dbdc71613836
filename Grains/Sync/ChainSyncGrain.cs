using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Peers;
using Orleans.Concurrency;

namespace Orleans.Blockchain.Sync;

/// <summary>
/// The chain sync job. Each round it asks every neighbour for its tip; when a peer's chain wins the fork choice
/// (<see cref="ForkChoice"/>) it finds where the two chains part, fetches the peer's blocks from there page by page,
/// checks each block as it arrives (stopping at the first bad one) and offers the branch to the chain grain as soon
/// as it wins, then goes on page by page. It calls the chain grain like any client: the network waits happen here,
/// never inside the chain's single-writer turn. Reentrant: every turn waits on the network.
/// </summary>
[Reentrant]
public sealed partial class ChainSyncGrain(
    PeerClient peers,
    ChainValidator validator,
    IOptions<MinerOptions> options,
    TimeProvider clock,
    ILogger<ChainSyncGrain> logger) : Grain, IChainSyncGrain
{
    private const int PageSize = 500;
    private const int RecentBlocks = 6;
    private const int MaxInvalidShown = 16;
    private static readonly TimeSpan RequestedSyncSpacing = TimeSpan.FromSeconds(2);

    private readonly HashSet<Uri> _syncing = [];
    private readonly Dictionary<Uri, DateTimeOffset> _lastRequestedSync = [];
    private readonly Dictionary<Uri, PeerChain> _peerChains = [];
    private readonly HashSet<Uri> _invalid = [];

    // Where each peer's chain parts from ours, as last probed, valid while neither tip moves.
    private readonly Dictionary<Uri, (string Theirs, string Ours, long Height)> _forks = [];

    private IChainGrain Chain => GrainFactory.GetGrain<IChainGrain>(this.GetPrimaryKeyLong());

    private INeighbourGrain Neighbours => GrainFactory.GetGrain<INeighbourGrain>(this.GetPrimaryKeyLong());

    private MinerOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SyncAsync, new GrainTimerCreationOptions(Options.ChainSyncInterval, Options.ChainSyncInterval) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task StartAsync() => Task.CompletedTask;

    public Task SyncWithAsync(Uri peer)
    {
        // At most one requested sync per peer every couple of seconds, however many announcements arrive.
        var now = clock.GetUtcNow();
        if (_lastRequestedSync.TryGetValue(peer, out var last) && now - last < RequestedSyncSpacing)
        {
            return Task.CompletedTask;
        }

        _lastRequestedSync[peer] = now;
        _ = SyncWithPeerAsync(peer, partitioned: false, CancellationToken.None); // the caller (a gateway) returns at once
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<PeerChain>> GetPeerChainsAsync() =>
        Task.FromResult<ImmutableArray<PeerChain>>([.. _peerChains.Values.OrderBy(p => p.Url.ToString(), StringComparer.Ordinal)]);

    private async Task SyncAsync(CancellationToken cancellation)
    {
        var neighbours = (await Neighbours.GetNeighboursAsync()).Select(n => n.Url).ToHashSet();
        var cutOff = (await Neighbours.GetPartitionAsync()).ToHashSet();
        // A banned peer is no neighbour any more, but /tips goes on showing its chain as invalid (a few of them).
        foreach (var gone in _peerChains.Keys.Where(u => !neighbours.Contains(u) && !cutOff.Contains(u) && !_invalid.Contains(u)).ToList())
        {
            _peerChains.Remove(gone);
            _forks.Remove(gone);
        }

        _lastRequestedSync.Clear();
        await Task.WhenAll(neighbours.Select(n => SyncWithPeerAsync(n, partitioned: false, cancellation))
            .Concat(cutOff.Select(n => SyncWithPeerAsync(n, partitioned: true, cancellation))));
    }

    /// <summary>One peer, one round, within the round's time budget. A peer cut off by a partition is only looked
    /// at (its tip and where it forks, for the views), never synced with.</summary>
    private async Task SyncWithPeerAsync(Uri peer, bool partitioned, CancellationToken cancellation)
    {
        if (!_syncing.Add(peer))
        {
            return;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        budget.CancelAfter(Options.ChainSyncRoundBudget);
        try
        {
            var status = await peers.GetStatusAsync(peer, budget.Token);
            var ours = await Chain.GetSummaryAsync();
            if (status.GenesisHash != ours.GenesisHash)
            {
                LogOtherNetwork(peer, status.GenesisHash);
                return;
            }

            var theirs = new ChainTip(status.Length, status.TipHash);
            var fork = await LookAtAsync(peer, theirs, ours, partitioned, budget.Token);
            if (!partitioned && fork is { } from && ForkChoice.Prefers(theirs, new ChainTip(ours.Length, ours.TipHash)))
            {
                await FetchAndOfferAsync(peer, from, theirs, budget.Token);
            }
        }
        catch (PeerMisbehaved e)
        {
            if (_invalid.Count >= MaxInvalidShown && _invalid.FirstOrDefault() is { } oldest)
            {
                _invalid.Remove(oldest);
                _peerChains.Remove(oldest);
            }

            _invalid.Add(peer);
            Remember(peer, r => r with { Invalid = true });
            await Neighbours.BanAsync(peer, e.Message);
        }
        catch (Exception e)
        {
            LogSyncFailed(peer, PeerText.ForLog(e.Message));
        }
        finally
        {
            _syncing.Remove(peer);
        }
    }

    /// <summary>Records the peer's chain for the views and returns the first height at which it differs from ours
    /// (null when the peer's chain is ours or a part of it). Probes again only when either tip moved.</summary>
    private async Task<long?> LookAtAsync(Uri peer, ChainTip theirs, ChainSummary ours, bool partitioned, CancellationToken cancellation)
    {
        long? fork = null;
        if (theirs.Hash != ours.TipHash && await Chain.FindBlockAsync(theirs.Hash) is null)
        {
            fork = _forks.TryGetValue(peer, out var known) && known.Theirs == theirs.Hash && known.Ours == ours.TipHash
                ? known.Height
                : await FindForkAsync(peer, Math.Min(ours.Length, theirs.Length), cancellation);
            _forks[peer] = (theirs.Hash, ours.TipHash, fork.Value);
        }

        var recent = _peerChains.TryGetValue(peer, out var seen) && seen.TipHash == theirs.Hash
            ? seen.Recent
            : [.. (await peers.GetBlocksAsync(peer, Math.Max(0, theirs.Length - RecentBlocks), RecentBlocks, cancellation)).Select(BlockDigest.Of)];
        _peerChains[peer] = new PeerChain(peer, theirs.Length - 1, theirs.Hash, fork, _invalid.Contains(peer), partitioned, clock.GetUtcNow(), recent);
        return fork;
    }

    /// <summary>The first height below <paramref name="top"/> where the peer's block differs from ours (or
    /// <paramref name="top"/> if none does): gallop down from the top, then halve the gap. One small probe per step,
    /// however long the chains.</summary>
    private async Task<long> FindForkAsync(Uri peer, long top, CancellationToken cancellation)
    {
        long same = 0, differs = top; // genesis matched; heights at or above 'differs' are not shared
        for (long step = 1; ; step *= 2)
        {
            var height = Math.Max(same, differs - step);
            if (height == same)
            {
                break;
            }

            if (await SharesAsync(peer, height, cancellation))
            {
                same = height;
                break;
            }

            differs = height;
        }

        while (differs - same > 1)
        {
            var middle = same + ((differs - same) / 2);
            if (await SharesAsync(peer, middle, cancellation))
            {
                same = middle;
            }
            else
            {
                differs = middle;
            }
        }

        return differs;
    }

    private async Task<bool> SharesAsync(Uri peer, long height, CancellationToken cancellation)
    {
        var probe = await peers.GetBlocksAsync(peer, height, 1, cancellation);
        if (probe.IsEmpty || probe[0] is not { } block || block.Index != height)
        {
            throw new InvalidDataException($"{peer} has no block {height} though its tip is above it");
        }

        if (ChainValidator.CheckShape(block) is { } malformed || !ChainValidator.HashMatches(block) || !ProofOfWork.Meets(block.Hash, validator.Rules.Difficulty))
        {
            throw new PeerMisbehaved($"its block {height} does not have a valid hash and proof of work");
        }

        return (await Chain.GetBlockAsync(height))?.Hash == block.Hash;
    }

    /// <summary>Fetches the peer's blocks from <paramref name="from"/>, checking each on arrival, and offers them to the
    /// chain grain once they win the fork choice, then page by page. Memory: the pages of a branch that does not win yet
    /// (a fork deeper than a page), within <see cref="MinerOptions.MaxForkBytes"/>; otherwise one page. Each round takes
    /// at most <see cref="MinerOptions.ChainSyncRoundBytes"/> from a peer (and the round's time budget).</summary>
    private async Task FetchAndOfferAsync(Uri peer, long from, ChainTip theirs, CancellationToken cancellation)
    {
        var previous = await Chain.GetBlockAsync(from - 1) ?? throw new InvalidOperationException($"our chain has no block {from - 1}");
        var ours = await Chain.GetSummaryAsync();
        var current = new ChainTip(ours.Length, ours.TipHash);
        var branch = new List<Block>();
        long branchBytes = 0, roundBytes = 0;
        while (previous.Index + 1 < theirs.Length)
        {
            var page = await peers.GetBlocksAsync(peer, previous.Index + 1, PageSize, cancellation);
            if (page.IsEmpty)
            {
                return; // the peer's chain became shorter since its status: next round
            }

            foreach (var block in page)
            {
                if (block is null || block.Index != previous.Index + 1 || block.PreviousHash != previous.Hash)
                {
                    // An honest peer that reorganised between two pages looks just like this: fetch again next round.
                    LogBrokenLink(peer, previous.Index + 1);
                    return;
                }

                var check = validator.ValidateBlock(block, previous);
                if (!check.IsValid)
                {
                    if (check.IsPermanent)
                    {
                        throw new PeerMisbehaved($"it served an invalid block ({check.Reason})");
                    }

                    LogNotYetValid(peer, check.Reason!);
                    return;
                }

                var bytes = BlockSize.JsonBytes(block);
                branch.Add(block);
                (branchBytes, roundBytes, previous) = (branchBytes + bytes, roundBytes + bytes, block);
            }

            if (ForkChoice.Prefers(ChainTip.Of(previous), current))
            {
                var update = await Chain.OfferChainAsync([.. branch]);
                switch (update.Status)
                {
                    case ChainUpdateStatus.Rejected:
                        throw new PeerMisbehaved($"it served an invalid chain ({update.Reason})");
                    case ChainUpdateStatus.Ignored or ChainUpdateStatus.Orphan:
                        LogNotTaken(peer, update.Reason ?? "");
                        return; // our chain moved meanwhile: next round decides again
                }

                current = ChainTip.Of(previous);
                branch.Clear();
                branchBytes = 0;
            }
            else if (branchBytes > Options.MaxForkBytes)
            {
                LogForkTooDeep(peer, from, branchBytes);
                return;
            }

            if (roundBytes > Options.ChainSyncRoundBytes)
            {
                return; // what was adopted stays; the rest comes next round
            }
        }
    }

    private void Remember(Uri peer, Func<PeerChain, PeerChain> change)
    {
        if (_peerChains.TryGetValue(peer, out var known))
        {
            _peerChains[peer] = change(known);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {Peer} is on another network (genesis {Genesis}); not syncing with it")]
    private partial void LogOtherNetwork(Uri peer, string genesis);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain sync with {Peer} failed: {Problem}")]
    private partial void LogSyncFailed(Uri peer, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain sync with {Peer}: its block {Height} does not link to the one before; fetching again next round")]
    private partial void LogBrokenLink(Uri peer, long height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain sync with {Peer}: {Reason}; trying again next round")]
    private partial void LogNotYetValid(Uri peer, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain sync with {Peer}: the chain grain did not take the branch ({Reason})")]
    private partial void LogNotTaken(Uri peer, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain sync with {Peer}: its fork from height {Height} does not win within {Bytes} bytes; giving up this round")]
    private partial void LogForkTooDeep(Uri peer, long height, long bytes);
}
