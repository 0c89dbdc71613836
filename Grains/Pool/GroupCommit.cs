using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Pool;

/// <summary>
/// Group commit for the pool: changes that arrive while a write is in flight wait together and go into the next one
/// (one write and one fsync for many messages). Each change's task completes once its batch is stored and applied.
/// Runs on the pool grain's turn-based scheduler, so no locks: only the store's I/O runs elsewhere. After a failed
/// write nothing more is written: the grain reloads from the store.
/// </summary>
public sealed class GroupCommit(IPoolStore store, Action<PoolBatch> applied, Func<IReadOnlyCollection<Message>> live, Func<Task> added)
{
    private List<Message> _added = [];
    private List<Guid> _removed = [];
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _writing;
    private StorageUnavailableException? _failed;

    /// <summary>Queues a change; the task completes when it is stored.</summary>
    public Task EnqueueAsync(IEnumerable<Message> added, IEnumerable<Guid> removed)
    {
        if (_failed is not null)
        {
            return Task.FromException(_failed);
        }

        _added.AddRange(added);
        _removed.AddRange(removed);
        var stored = _next.Task;
        if (!_writing)
        {
            _writing = true;
            _ = WriteAllAsync();
        }

        return stored;
    }

    private async Task WriteAllAsync()
    {
        while (_added.Count + _removed.Count > 0 && _failed is null)
        {
            var (batch, done) = (new PoolBatch(_added, _removed), _next);
            (_added, _removed, _next) = ([], [], new(TaskCreationOptions.RunContinuationsAsynchronously));
            try
            {
                await store.WriteAsync(batch);
                applied(batch);
                done.SetResult();
                if (store.ShouldCompact(live().Count))
                {
                    await store.CompactAsync(live());
                }
            }
            catch (Exception e)
            {
                _failed = e as StorageUnavailableException ?? new StorageUnavailableException($"The miner's storage did not take the change: {e.Message}");
                done.TrySetException(_failed);
                _next.SetException(_failed);
                break;
            }

            if (batch.Added.Count > 0)
            {
                await added(); // tells the miners; never throws
            }
        }

        _writing = false;
    }
}
