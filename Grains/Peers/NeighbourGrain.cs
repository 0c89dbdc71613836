using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Observability;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Peers;

/// <summary>A miner's peers. The list is persisted; health (failures, last answer) lives in memory and
/// starts fresh with the miner.</summary>
public sealed partial class NeighbourGrain(
    [PersistentState("neighbours", MinerFileStorage.Name)] IPersistentState<NeighbourState> state,
    PeerClient peers,
    MinerMetrics metrics,
    IOptions<MinerOptions> options,
    TimeProvider clock,
    ILogger<NeighbourGrain> logger) : Grain, INeighbourGrain
{
    private readonly Dictionary<Uri, Neighbour> _neighbours = [];
    private readonly HashSet<Uri> _configured = [];
    private readonly HashSet<Uri> _partitioned = [];

    // Peers we will not take back (from gossip or the API) until the time given: dropped peers for a
    // while, since gossip would otherwise hand them straight back; banned ones until this miner restarts.
    private readonly Dictionary<Uri, DateTimeOffset> _refused = [];

    private MinerOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var url in state.State.Urls)
        {
            _neighbours.TryAdd(url, new Neighbour(url));
        }

        _partitioned.UnionWith(state.State.Partitioned);

        // Configured neighbours are where a new miner starts (and are never dropped: they may simply not be
        // up yet); later ones came by gossip or the API.
        _configured.UnionWith(Options.Neighbours.Select(text => PeerUrl.TryNormalise(text, out var url) ? url : null).OfType<Uri>());
        var added = false;
        foreach (var url in _configured)
        {
            added |= TryAdd(url) == NeighbourAddResult.Added;
        }

        if (added)
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

    public async Task<NeighbourAddResult> AddAsync(Uri url)
    {
        var result = PeerUrl.TryNormalise(url.OriginalString, out var normalised) ? TryAdd(normalised) : NeighbourAddResult.Invalid;
        if (result == NeighbourAddResult.Added)
        {
            await SaveAsync();
        }

        return result;
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
        if (!PeerUrl.TryNormalise(url.OriginalString, out var normalised)
            || (_refused.TryGetValue(normalised, out var until) && until == DateTimeOffset.MaxValue))
        {
            return;
        }

        _refused[normalised] = DateTimeOffset.MaxValue;

        LogBanned(normalised, reason);
        if (_neighbours.Remove(normalised))
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
    /// neighbours, take the new ones while there is room, and drop peers that failed too many rounds in a row.</summary>
    private async Task GossipAsync(CancellationToken cancellation)
    {
        var self = PeerUrl.TryNormalise(Options.PublicUrl, out var url) ? url : null;
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
                LogGossipFailed(peer, e.Message);
                await ReportAsync(peer, succeeded: false);
                return [];
            }
        }));

        var dropped = _neighbours.Values
            .Where(n => n.ConsecutiveFailures >= Options.MaxPeerFailures && !_configured.Contains(n.Url))
            .Select(n => n.Url)
            .ToList();
        foreach (var peer in dropped)
        {
            _neighbours.Remove(peer);
            _refused[peer] = clock.GetUtcNow() + Options.PeerQuarantine;
            LogDropped(peer);
        }

        var learned = answers.SelectMany(a => a)
            .Select(text => PeerUrl.TryNormalise(text, out var peer) ? peer : null)
            .OfType<Uri>()
            .Count(peer => TryAdd(peer) == NeighbourAddResult.Added);
        if (dropped.Count > 0 || learned > 0)
        {
            await SaveAsync();
        }
    }

    private NeighbourAddResult TryAdd(Uri url)
    {
        if ((PeerUrl.TryNormalise(Options.PublicUrl, out var self) && self == url)
            || (_refused.TryGetValue(url, out var until) && until > clock.GetUtcNow()))
        {
            return NeighbourAddResult.Invalid;
        }

        if (_neighbours.ContainsKey(url))
        {
            return NeighbourAddResult.AlreadyKnown;
        }

        if (_neighbours.Count >= Options.MaxNeighbours)
        {
            return NeighbourAddResult.Full;
        }

        _neighbours.Add(url, new Neighbour(url));
        return NeighbourAddResult.Added;
    }

    /// <summary>The known peers less those a staged partition cuts off: all that any job may talk to.</summary>
    private ImmutableArray<Neighbour> Reachable() => [.. _neighbours.Values.Where(n => !_partitioned.Contains(n.Url))];

    private Task SaveAsync()
    {
        state.State.Urls = [.. _neighbours.Keys];
        state.State.Partitioned = [.. _partitioned];
        metrics.RecordPeers(_neighbours.Count);
        return state.PersistAsync(this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition staged: ignoring {Count} peers (0 = healed)")]
    private partial void LogPartition(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gossip with {Peer} failed: {Problem}")]
    private partial void LogGossipFailed(Uri peer, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Banned neighbour {Peer}: {Reason}")]
    private partial void LogBanned(Uri peer, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped neighbour {Peer}: it failed too many calls in a row")]
    private partial void LogDropped(Uri peer);
}
