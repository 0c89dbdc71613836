using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Pool;

/// <summary>Pending messages of a miner. Every change is persisted before the call returns, so a message
/// acknowledged to a user survives a crash.</summary>
public sealed class DataPoolGrain(
    [PersistentState("pool", MinerFileStorage.Name)] IPersistentState<PoolState> state,
    ChainValidator validator,
    MiningSignals signals,
    IOptions<MinerOptions> options) : Grain, IDataPoolGrain
{
    private readonly HashSet<Guid> _ids = [];

    private List<Message> Messages => state.State.Messages;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ids.UnionWith(Messages.Select(m => m.Id));
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

        if (Messages.Count >= options.Value.MaxPoolSize)
        {
            return PoolAddResult.Full;
        }

        await AddAndSaveAsync([message]);
        return PoolAddResult.Added;
    }

    public async Task<int> AddRangeAsync(ImmutableArray<Message> messages, bool evenIfFull = false)
    {
        var room = evenIfFull ? int.MaxValue : Math.Max(0, options.Value.MaxPoolSize - Messages.Count);
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

    public Task<ImmutableArray<Message>> GetMessagesAsync() => Task.FromResult<ImmutableArray<Message>>([.. Messages]);

    public Task<ImmutableArray<Message>> PeekAsync(int maxCount) =>
        Task.FromResult<ImmutableArray<Message>>([.. Messages.Take(Math.Max(0, maxCount))]);

    public Task<Message?> FindAsync(Guid id) =>
        Task.FromResult(_ids.Contains(id) ? Messages.Find(m => m.Id == id) : null);

    public async Task RemoveAsync(ImmutableArray<Guid> ids)
    {
        var gone = ids.Where(_ids.Remove).ToHashSet();
        if (gone.Count == 0)
        {
            return;
        }

        Messages.RemoveAll(m => gone.Contains(m.Id));
        await state.WriteStateAsync();
    }

    private async Task AddAndSaveAsync(List<Message> messages)
    {
        Messages.AddRange(messages);
        _ids.UnionWith(messages.Select(m => m.Id));
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not on disk means not accepted: undo, so memory never claims more than disk holds.
            Messages.RemoveRange(Messages.Count - messages.Count, messages.Count);
            _ids.ExceptWith(messages.Select(m => m.Id));
            throw;
        }

        signals.PoolChanged.Raise();
    }
}
