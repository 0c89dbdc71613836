using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Observability;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Peers;

/// <summary>A miner's peers. The list is persisted; health (failures, last answer) and refusals live in memory and
/// start fresh with the miner. A peer is a base URL (<see cref="PeerUrl"/>), takes one slot per host and port, and
/// joins only once it answers with our genesis (<see cref="IPeerAdmission"/>); configured peers are the operator's
/// word and join as they are.</summary>
public sealed partial class NeighbourGrain(
    [PersistentState("neighbours", MinerFileStorage.Name)] IPersistentState<NeighbourState> state,
    PeerClient peers,
    IPeerAdmission admission,
    MinerMetrics metrics,
    IOptions<MinerOptions> options,
    TimeProvider clock,
    ILogger<NeighbourGrain> logger) : Grain, INeighbourGrain
{
    private readonly Dictionary<Uri, Neighbour> _neighbours = [];
    private readonly HashSet<Uri> _configured = [];
    private readonly HashSet<Uri> _partitioned = [];

    // Banned peers and peers dropped lately, per host and port: gossip would otherwise hand them straight back.
    private RefusedPeers _refused = null!;

    // Adds interleave (they await the peer's answer), so writes are queued: one at a time, each of the latest list.
    private readonly SemaphoreSlim _saving = new(1, 1);

    private MinerOptions Options => options.Value;

    private Uri? Self => PeerUrl.TryNormalise(Options.PublicUrl, out var url) ? url : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _refused = new RefusedPeers(Options.MaxRefusedPeers);

        // What was stored is kept only in today's form: an older miner may have stored URLs with paths.
        foreach (var stored in state.State.Urls)
        {
            if (PeerUrl.TryNormalise(stored.OriginalString, out var url) && FindSlot(url) is null)
            {
                _neighbours.Add(url, new Neighbour(url));
            }
        }

        _partitioned.UnionWith(state.State.Partitioned);

        // Configured neighbours are where a new miner starts (and are never dropped: they may simply not be
        // up yet); later ones came by gossip or the API.
        foreach (var text in Options.Neighbours)
        {
            if (PeerUrl.Problem(text, out var url) is { } problem)
            {
                LogConfiguredInvalid(PeerText.ForLog(text), problem);
                continue;
            }

            _configured.Add(url);
            if (FindSlot(url) is null && url != Self && _neighbours.Count < Options.MaxNeighbours)
            {
                _neighbours.Add(url, new Neighbour(url));
            }
        }

        if (_neighbours.Count != state.State.Urls.Count || !_neighbours.Keys.SequenceEqual(state.State.Urls))
        {
            await SaveAsync();
        }

        metrics.RecordPeers(_neighbours.Count);
        this.RegisterGrainTimer(GossipAsync, new GrainTimerCreationOptions(Options.FirstGossipDelay, Options.GossipInterval) { Interleave = true, KeepAlive = true });
    }

    public Task<ImmutableArray<Neighbour>> GetNeighboursAsync() => Task.FromResult(Reachable());

    public async Task SetPartitionAsync(ImmutableArray<Uri> cutOff)
    {
        _partitioned.Clear();
        _partitioned.UnionWith(cutOff.Select(u => PeerUrl.TryNormalise(u.OriginalString, out var url) ? url : null).OfType<Uri>());
        LogPartition(_partitioned.Count);
        await SaveAsync();
    }

    public Task<ImmutableArray<Uri>> GetPartitionAsync() => Task.FromResult<ImmutableArray<Uri>>([.. _partitioned]);

    public async Task<NeighbourAddOutcome> AddAsync(Uri url)
    {
        if (PeerUrl.Problem(url.OriginalString, out var peer) is { } problem)
        {
            return new(NeighbourAddResult.Invalid, problem);
        }

        var outcome = await AdmitAsync(peer, CancellationToken.None);
        if (outcome.Result == NeighbourAddResult.Added)
        {
            await SaveAsync();
        }

        return outcome;
    }

    public async Task<bool> RemoveAsync(Uri url)
    {
        if (!PeerUrl.TryNormalise(url.OriginalString, out var normalised) || !_neighbours.Remove(normalised))
        {
            return false;
        }

        await SaveAsync();
        return true;
    }

    public async Task BanAsync(Uri url, string reason)
    {
        var now = clock.GetUtcNow();
        if (!PeerUrl.TryNormalise(url.OriginalString, out var peer) || _refused.RefusedUntil(peer, now) >= now + Options.PeerBanDuration)
        {
            return;
        }

        _refused.Refuse(peer, now + Options.PeerBanDuration, now);
        LogBanned(peer, PeerText.ForLog(reason, 400), Options.PeerBanDuration);
        if (FindSlot(peer) is { } known && _neighbours.Remove(known))
        {
            await SaveAsync();
        }
    }

    public Task ReportAsync(Uri url, bool succeeded)
    {
        if (PeerUrl.TryNormalise(url.OriginalString, out var normalised) && _neighbours.TryGetValue(normalised, out var known))
        {
            _neighbours[normalised] = succeeded
                ? known with { ConsecutiveFailures = 0, LastSeen = clock.GetUtcNow() }
                : known with { ConsecutiveFailures = known.ConsecutiveFailures + 1 };
        }

        return Task.CompletedTask;
    }

    /// <summary>The gossip job, which is also the health check: tell each neighbour where we are, ask it for its
    /// neighbours, admit new ones while there is room, and drop learned peers that failed too many rounds in a row.</summary>
    private async Task GossipAsync(CancellationToken cancellation)
    {
        var self = Self;
        var answers = await Task.WhenAll(Reachable().Select(n => n.Url).Select(async peer =>
        {
            try
            {
                if (self is not null)
                {
                    await peers.RegisterAsync(peer, self, cancellation);
                }

                var theirs = await peers.GetNeighboursAsync(peer, cancellation);
                await ReportAsync(peer, succeeded: true);
                return theirs;
            }
            catch (Exception e)
            {
                LogGossipFailed(peer, PeerText.ForLog(e.Message));
                await ReportAsync(peer, succeeded: false);
                return [];
            }
        }));

        var dropped = _neighbours.Values
            .Where(n => n.ConsecutiveFailures >= Options.MaxPeerFailures && !_configured.Contains(n.Url))
            .Select(n => n.Url)
            .ToList();
        var now = clock.GetUtcNow();
        foreach (var peer in dropped)
        {
            _neighbours.Remove(peer);
            _refused.Refuse(peer, now + Options.PeerQuarantine, now);
            LogDropped(peer);
        }

        // Each candidate costs a GET /status to an address a peer named: a round tries only as many as could join.
        var candidates = answers.SelectMany(a => a)
            .Select(text => PeerUrl.TryNormalise(text, out var peer) ? peer : null)
            .OfType<Uri>()
            .Distinct()
            .Where(peer => Precheck(peer) is null)
            .Take(Math.Max(1, Options.MaxNeighbours - _neighbours.Count))
            .ToList();
        var learned = 0;
        foreach (var peer in candidates)
        {
            learned += (await AdmitAsync(peer, cancellation)).Result == NeighbourAddResult.Added ? 1 : 0;
        }

        if (dropped.Count > 0 || learned > 0)
        {
            await SaveAsync();
        }
    }

    /// <summary>Takes a peer in if it passes the cheap checks, then answers with our genesis, then still finds a slot
    /// (the list may have changed while it answered): a free one, or that of the worst failing learned peer.</summary>
    private async Task<NeighbourAddOutcome> AdmitAsync(Uri peer, CancellationToken cancellation)
    {
        if (Precheck(peer) is { } refused)
        {
            return refused;
        }

        if (await admission.CheckAsync(peer, cancellation) is { } reason)
        {
            LogNotAdmitted(peer, reason);
            return new(NeighbourAddResult.NotAdmitted, reason);
        }

        if (Precheck(peer) is { } meanwhile)
        {
            return meanwhile;
        }

        if (_neighbours.Count >= Options.MaxNeighbours && NeighbourEviction.Victim(_neighbours.Values, _configured) is { } victim)
        {
            _neighbours.Remove(victim.Url);
            LogReplaced(victim.Url, peer);
        }

        _neighbours.Add(peer, new Neighbour(peer));
        return new(NeighbourAddResult.Added);
    }

    /// <summary>The known peers less those a staged partition cuts off: all that any job may talk to.</summary>
    private ImmutableArray<Neighbour> Reachable() => [.. _neighbours.Values.Where(n => !_partitioned.Contains(n.Url))];

    /// <summary>Why <paramref name="peer"/> cannot join without asking it anything, or null if it may be asked.</summary>
    private NeighbourAddOutcome? Precheck(Uri peer)
    {
        if (peer == Self)
        {
            return new(NeighbourAddResult.Invalid, "it is this miner itself");
        }

        if (_refused.RefusedUntil(peer, clock.GetUtcNow()) is { } until)
        {
            return new(NeighbourAddResult.Refused, $"{PeerUrl.SlotOf(peer)} is refused until {until:u}: it was banned or dropped");
        }

        if (FindSlot(peer) is not null)
        {
            return new(NeighbourAddResult.AlreadyKnown);
        }

        return _neighbours.Count >= Options.MaxNeighbours && NeighbourEviction.Victim(_neighbours.Values, _configured) is null
            ? new(NeighbourAddResult.Full, $"this miner has its maximum of {Options.MaxNeighbours} neighbours, all of them healthy or configured")
            : null;
    }

    /// <summary>The known peer on the same host and port, whatever its scheme.</summary>
    private Uri? FindSlot(Uri peer) => _neighbours.Keys.FirstOrDefault(known => PeerUrl.SlotOf(known) == PeerUrl.SlotOf(peer));

    private async Task SaveAsync()
    {
        await _saving.WaitAsync();
        try
        {
            state.State.Urls = [.. _neighbours.Keys];
            state.State.Partitioned = [.. _partitioned];
            metrics.RecordPeers(_neighbours.Count);
            await state.PersistAsync(this);
        }
        finally
        {
            _saving.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition staged: ignoring {Count} peers (0 = healed)")]
    private partial void LogPartition(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gossip with {Peer} failed: {Problem}")]
    private partial void LogGossipFailed(Uri peer, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Banned neighbour {Peer} for {Duration}: {Reason}")]
    private partial void LogBanned(Uri peer, string reason, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped neighbour {Peer}: it failed too many calls in a row")]
    private partial void LogDropped(Uri peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not admitting {Peer}: {Reason}")]
    private partial void LogNotAdmitted(Uri peer, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replaced failing neighbour {Victim} with {Peer}")]
    private partial void LogReplaced(Uri victim, Uri peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configured neighbour '{Url}' is not used: {Problem}")]
    private partial void LogConfiguredInvalid(string url, string problem);
}
