using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Observability;
using Orleans.Blockchain.Peers;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Pool;

/// <summary>Pending messages of a miner. Every change is persisted before the call returns, so a message
/// acknowledged to a user survives a crash.</summary>
public sealed partial class DataPoolGrain(
    [PersistentState("pool", MinerFileStorage.Name)] IPersistentState<PoolState> state,
    ChainValidator validator,
    MiningSignals signals,
    PeerClient peers,
    MinerMetrics metrics,
    IOptions<MinerOptions> options,
    ILogger<DataPoolGrain> logger) : Grain, IDataPoolGrain
{
    private readonly HashSet<Guid> _ids = [];

    /// <summary>The stored messages: all that readers see, also while a write is under way (reads interleave
    /// with it), so the miner never takes a message the storage may still refuse.</summary>
    private List<Message> _messages = [];

    private long Key => this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Committed(state.State.Messages);
        var interval = options.Value.DataSyncInterval;
        this.RegisterGrainTimer(SyncAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task<PoolAddResult> AddAsync(Message message)
    {
        if (validator.CheckMessage(message) is not null)
        {
            return PoolAddResult.Invalid;
        }

        if (_ids.Contains(message.Id))
        {
            return PoolAddResult.Duplicate;
        }

        if (_messages.Count >= options.Value.MaxPoolSize)
        {
            return PoolAddResult.Full;
        }

        await AddAndSaveAsync([message]);
        return PoolAddResult.Added;
    }

    public async Task<int> AddRangeAsync(ImmutableArray<Message> messages, bool evenIfFull = false)
    {
        // Peers get only their share of the pool: the rest stays free for this miner's own users (PUT /add).
        var room = evenIfFull ? int.MaxValue : Math.Max(0, options.Value.MaxPoolFromPeers - _messages.Count);
        var fresh = messages
            .Where(m => validator.CheckMessage(m) is null)
            .DistinctBy(m => m.Id)
            .Where(m => !_ids.Contains(m.Id))
            .Take(room)
            .ToList();
        if (fresh.Count > 0)
        {
            await AddAndSaveAsync(fresh);
        }

        return fresh.Count;
    }

    public Task<ImmutableArray<Message>> GetMessagesAsync() => Task.FromResult<ImmutableArray<Message>>([.. _messages]);

    public Task<int> CountAsync() => Task.FromResult(_messages.Count);

    public Task<ImmutableArray<Message>> GetPageAsync(Guid? after, int maxCount)
    {
        var start = after is { } id && _ids.Contains(id) ? _messages.FindIndex(m => m.Id == id) + 1 : 0;
        return Task.FromResult<ImmutableArray<Message>>([.. _messages.Skip(start).Take(Math.Max(0, maxCount))]);
    }

    public Task<ImmutableArray<Message>> PeekAsync(int maxCount) =>
        Task.FromResult<ImmutableArray<Message>>([.. _messages.Take(Math.Max(0, maxCount))]);

    public Task<Message?> FindAsync(Guid id) =>
        Task.FromResult(_ids.Contains(id) ? _messages.Find(m => m.Id == id) : null);

    public async Task RemoveAsync(ImmutableArray<Guid> ids)
    {
        var gone = ids.Where(_ids.Contains).ToHashSet();
        if (gone.Count > 0)
        {
            await SaveAsync([.. _messages.Where(m => !gone.Contains(m.Id))]);
        }
    }

    /// <summary>The unprocessed-data sync job: pull the oldest messages of each neighbour's pool, at most a quota per
    /// peer, and keep what is new to us and not yet in our chain, within the peers' share of the pool. One peer failing,
    /// answering garbage or flooding costs only its own part of the round.</summary>
    private async Task SyncAsync(CancellationToken cancellation)
    {
        var neighbours = await GrainFactory.GetGrain<INeighbourGrain>(Key).GetNeighboursAsync();
        var quota = options.Value.MaxPeerMessagesPerRound;
        await Task.WhenAll(neighbours.Select(async n =>
        {
            try
            {
                var fresh = (await peers.GetDataAsync(n.Url, quota, cancellation)).Where(m => !_ids.Contains(m.Id)).ToList();
                if (fresh.Count > 0)
                {
                    var unrecorded = (await GrainFactory.GetGrain<IChainGrain>(Key).WithoutRecordedAsync([.. fresh.Select(m => m.Id)])).ToHashSet();
                    await this.AsReference<IDataPoolGrain>().AddRangeAsync([.. fresh.Where(m => unrecorded.Contains(m.Id))]);
                }
            }
            catch (Exception e)
            {
                LogSyncFailed(n.Url, e.Message);
            }
        }));
    }

    private async Task AddAndSaveAsync(List<Message> messages)
    {
        await SaveAsync([.. _messages, .. messages]);
        signals.PoolChanged.Raise(); // wakes this silo's miner at once; the others hear it from the status grain
        await GrainFactory.GetGrain<IMinerStatusGrain>(Key).PoolChangedAsync();
    }

    /// <summary>Stores the pool's next content; only once stored does it become what readers see. Not stored
    /// means not accepted: the caller gets the error and memory keeps what the storage holds.</summary>
    private async Task SaveAsync(List<Message> next)
    {
        state.State.Messages = next;
        try
        {
            await state.PersistAsync(this);
        }
        catch
        {
            state.State.Messages = _messages;
            throw;
        }

        Committed(next);
    }

    private void Committed(List<Message> messages)
    {
        _messages = messages;
        _ids.Clear();
        _ids.UnionWith(messages.Select(m => m.Id));
        metrics.RecordPoolSize(messages.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data sync with {Peer} failed: {Problem}")]
    private partial void LogSyncFailed(Uri peer, string problem);
}
