using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Peers;

/// <summary>A miner's peers. The list is persisted; health (failures, last answer) lives in memory and
/// starts fresh with the miner.</summary>
public sealed class NeighbourGrain(
    [PersistentState("neighbours", MinerFileStorage.Name)] IPersistentState<NeighbourState> state,
    IOptions<MinerOptions> options) : Grain, INeighbourGrain
{
    private readonly Dictionary<Uri, Neighbour> _neighbours = [];

    private MinerOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var url in state.State.Urls)
        {
            _neighbours.TryAdd(url, new Neighbour(url));
        }

        // Configured neighbours are where a new miner starts; later ones came by gossip or the API.
        var configured = Options.Neighbours.Select(text => PeerUrl.TryNormalise(text, out var url) ? url : null).OfType<Uri>();
        if (configured.Count(url => TryAdd(url) == NeighbourAddResult.Added) > 0)
        {
            await SaveAsync();
        }
    }

    public Task<ImmutableArray<Neighbour>> GetNeighboursAsync() => Task.FromResult<ImmutableArray<Neighbour>>([.. _neighbours.Values]);

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

    public Task ReportAsync(Uri url, bool succeeded)
    {
        if (PeerUrl.TryNormalise(url.OriginalString, out var normalised) && _neighbours.TryGetValue(normalised, out var known))
        {
            _neighbours[normalised] = succeeded
                ? known with { ConsecutiveFailures = 0, LastSeen = DateTimeOffset.UtcNow }
                : known with { ConsecutiveFailures = known.ConsecutiveFailures + 1 };
        }

        return Task.CompletedTask;
    }

    private NeighbourAddResult TryAdd(Uri url)
    {
        if (PeerUrl.TryNormalise(Options.PublicUrl, out var self) && self == url)
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

    private Task SaveAsync()
    {
        state.State.Urls = [.. _neighbours.Keys];
        return state.WriteStateAsync();
    }
}
