using System.Threading.Channels;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Pool;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>
/// Takes users' messages (<c>PUT /add</c>) to the pool in batches: the messages that arrive while earlier batches are on
/// their way go together in one grain call, and so in one write of the pool. Each add still waits for its own answer,
/// which comes only once its batch is stored. Under load this spends one Orleans call on many messages instead of one
/// each (ledger.sh: 6,100 adds a second before, about 8,000 after); alone, a message goes at once, in a batch of one.
/// </summary>
public sealed class MessageBatcher(IClusterClient cluster) : BackgroundService
{
    /// <summary>The most messages in one call (at most ~1 MiB of text), and the most calls under way at once.</summary>
    private const int MaxBatch = 256;
    private const int MaxBatchesInFlight = 4;

    /// <summary>Bounded: when the pool cannot keep up, adds wait here (their requests stay open) instead of piling up.</summary>
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(MaxBatch * MaxBatchesInFlight * 4)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>The pool's answer for this message, once its batch is stored; the pool's error if the batch failed.</summary>
    public async Task<PoolAddResult> AddAsync(Message message, CancellationToken cancellation)
    {
        var pending = new Pending(message, new TaskCompletionSource<PoolAddResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellation);
        return await pending.Answer.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, MaxBatchesInFlight).Select(_ => SendBatchesAsync(stoppingToken)));
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Answer.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task SendBatchesAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                await SendAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(List<Pending> batch)
    {
        try
        {
            var results = await cluster.GetGrain<IDataPoolGrain>(0).AddManyAsync([.. batch.Select(p => p.Message)]);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(results[i]);
            }
        }
        catch (Exception e)
        {
            // Every add of the batch gets the error (the API answers 503 with the message's id to look up).
            foreach (var pending in batch)
            {
                pending.Answer.TrySetException(e);
            }
        }
    }

    private sealed record Pending(Message Message, TaskCompletionSource<PoolAddResult> Answer);
}
