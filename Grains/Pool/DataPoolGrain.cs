using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Observability;
using Orleans.Blockchain.Storage;
using Orleans.Concurrency;

namespace Orleans.Blockchain.Pool;

/// <summary>Pending messages of a miner. Every addition is stored before the call returns, so a message
/// acknowledged to a user survives a crash. Reentrant: additions that arrive while a write is under way share the
/// next one (<see cref="GroupCommit"/>).</summary>
[Reentrant]
public sealed partial class DataPoolGrain(
    IPoolStoreProvider stores,
    ChainValidator validator,
    MiningSignals signals,
    MinerMetrics metrics,
    IOptions<MinerOptions> options,
    ILogger<DataPoolGrain> logger) : Grain, IDataPoolGrain
{
    /// <summary>The stored messages: all that readers see, also while a write is under way (reads interleave
    /// with it), so the miner never takes a message the storage may still refuse.</summary>
    private readonly PendingMessages _messages = new();

    /// <summary>Messages in a batch being written, with the batch's task: a second add of one waits for it.</summary>
    private readonly Dictionary<Guid, Task> _writing = [];

    private IPoolStore? _store;
    private GroupCommit? _commits;

    private long Key => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_store, var stored) = await stores.OpenAsync(this.GetGrainId(), cancellationToken);
        foreach (var message in stored)
        {
            _messages.Add(message);
        }

        metrics.RecordPoolSize(_messages.Count);
        _commits = new GroupCommit(_store, Apply, () => _messages.All, PoolChangedAsync);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    public async Task<PoolAddResult> AddAsync(Message message) => (await AddManyAsync([message]))[0];

    public async Task<ImmutableArray<PoolAddResult>> AddManyAsync(ImmutableArray<Message> messages) =>
        [.. await AdmitAsync(messages, options.Value.MaxPoolSize - _messages.Count - _writing.Count)];

    public async Task<int> AddRangeAsync(ImmutableArray<Message> messages, bool evenIfFull = false)
    {
        // Peers get only their share of the pool: the rest stays free for this miner's own users (PUT /add).
        var room = evenIfFull ? int.MaxValue : options.Value.MaxPoolFromPeers - _messages.Count - _writing.Count;
        return (await AdmitAsync(messages, room)).Count(result => result == PoolAddResult.Added);
    }

    /// <summary>The one admission rule for users' and peers' messages: the valid ones not yet known are stored together,
    /// at most <paramref name="room"/> of them, and the call returns once they, and those already on their way in, are
    /// stored. A copy of a message earlier in the list gets that message's answer (a duplicate if it was added).</summary>
    private async Task<PoolAddResult[]> AdmitAsync(ImmutableArray<Message> messages, int room)
    {
        var results = new PoolAddResult[messages.Length];
        var first = new Dictionary<Guid, int>(messages.Length);
        var fresh = new List<Message>(messages.Length);
        var alreadyWriting = new List<Task>();
        for (var i = 0; i < messages.Length; i++)
        {
            var message = messages[i];
            results[i] = validator.CheckMessage(message) is not null ? PoolAddResult.Invalid
                : first.TryGetValue(message.Id, out var earlier) ? (results[earlier] == PoolAddResult.Added ? PoolAddResult.Duplicate : results[earlier])
                : _messages.Contains(message.Id) ? PoolAddResult.Duplicate
                : _writing.TryGetValue(message.Id, out var writing) ? Waiting(writing)
                : fresh.Count >= room ? PoolAddResult.Full
                : Fresh(message);
            first.TryAdd(message.Id, i);
        }

        if (fresh.Count > 0)
        {
            await AddAndSaveAsync(fresh);
        }

        // A message already on its way in is a duplicate once its own batch is stored.
        await Task.WhenAll(alreadyWriting);
        return results;

        PoolAddResult Waiting(Task stored)
        {
            alreadyWriting.Add(stored);
            return PoolAddResult.Duplicate;
        }

        PoolAddResult Fresh(Message message)
        {
            fresh.Add(message);
            return PoolAddResult.Added;
        }
    }

    public Task<ImmutableArray<Message>> GetMessagesAsync() => Task.FromResult<ImmutableArray<Message>>([.. _messages.All]);

    public Task<int> CountAsync() => Task.FromResult(_messages.Count);

    public Task<ImmutableArray<Message>> GetPageAsync(Guid? after, int maxCount) =>
        Task.FromResult<ImmutableArray<Message>>([.. _messages.After(after, maxCount)]);

    public Task<ImmutableArray<Message>> PeekAsync(int maxCount) =>
        Task.FromResult<ImmutableArray<Message>>([.. _messages.Oldest(maxCount)]);

    public Task<Message?> FindAsync(Guid id) => Task.FromResult(_messages.Find(id));

    public Task<ImmutableArray<Guid>> WithoutKnownAsync(ImmutableArray<Guid> ids) =>
        Task.FromResult<ImmutableArray<Guid>>([.. ids.Where(id => !_messages.Contains(id))]);

    /// <summary>O(removed): the journal records the ids, memory unlinks them.</summary>
    public async Task RemoveAsync(ImmutableArray<Guid> ids)
    {
        var gone = ids.Where(_messages.Contains).Distinct().ToList();
        if (gone.Count > 0)
        {
            await StoredAsync(Commits.EnqueueAsync([], gone));
        }
    }

    private GroupCommit Commits => _commits ?? throw new InvalidOperationException("The pool grain is not activated.");

    /// <summary>Stores messages with the next batch; only once stored do they become what readers see. Not stored means
    /// not accepted: the caller gets the error, memory keeps what the storage holds, and the grain reloads.</summary>
    private async Task AddAndSaveAsync(List<Message> messages)
    {
        var stored = Commits.EnqueueAsync(messages, []);
        foreach (var message in messages)
        {
            _writing[message.Id] = stored;
        }

        try
        {
            await StoredAsync(stored);
        }
        finally
        {
            foreach (var message in messages)
            {
                _writing.Remove(message.Id);
            }
        }
    }

    /// <summary>A failed write leaves the store unusable: the grain goes, and its next activation reads the store again.</summary>
    private async Task StoredAsync(Task stored)
    {
        try
        {
            await stored;
        }
        catch (StorageUnavailableException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private void Apply(PoolBatch batch)
    {
        foreach (var message in batch.Added)
        {
            _messages.Add(message);
        }

        foreach (var id in batch.Removed)
        {
            _messages.Remove(id);
        }

        metrics.RecordPoolSize(_messages.Count);
    }

    /// <summary>Once per stored batch: wakes this silo's miner at once; the others hear it from the status grain.</summary>
    private async Task PoolChangedAsync()
    {
        signals.PoolChanged.Raise();
        try
        {
            await GrainFactory.GetGrain<IMinerStatusGrain>(Key).PoolChangedAsync();
        }
        catch (Exception e)
        {
            LogNoticeFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other silos that the pool changed: {Problem}")]
    private partial void LogNoticeFailed(string problem);
}
