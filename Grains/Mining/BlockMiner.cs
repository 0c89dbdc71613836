using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Mining;

/// <summary>Searches for the nonce of a template's block on dedicated threads (never the thread pool that
/// grains and HTTP run on), each thread taking its own chunks of the template's nonce range, until one finds
/// it, the range is spent, or the search is cancelled. Checks cancellation between chunks, so it stops within
/// milliseconds.</summary>
public sealed class BlockMiner(INonceSearcher searcher)
{
    /// <summary>Nonces per chunk: small enough to stop fast, large enough to keep the kernel busy.</summary>
    public const uint ChunkSize = 1 << 15;

    private long _hashes;

    /// <summary>Nonces tried since this miner was created.</summary>
    public long HashesTried => Interlocked.Read(ref _hashes);

    /// <summary>Mines the template's block; null if cancelled first or no nonce of the range solves it.</summary>
    public async Task<Block?> MineAsync(MiningTemplate template, int threadCount, CancellationToken cancellation)
    {
        var tip = template.Tip;
        var block = new Block(tip.Index + 1, template.Timestamp, template.Messages, tip.Hash, template.Difficulty, 0, "");
        var header = new byte[BlockHeader.Size];
        BlockHeader.Write(header, block);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var allStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Block? solution = null;
        Exception? failure = null;
        var nextChunk = -1L;
        var running = threadCount;

        void Search()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var offset = (ulong)Interlocked.Increment(ref nextChunk) * ChunkSize;
                    if (offset >= template.NonceCount)
                    {
                        break; // this silo's range is spent: the caller asks for another
                    }

                    var start = template.NonceStart + offset;
                    var count = (uint)Math.Min(ChunkSize, template.NonceCount - offset);
                    var nonce = searcher.Search(header, template.Difficulty, start, count);
                    Interlocked.Add(ref _hashes, nonce is { } n ? (long)(n - start + 1) : count);
                    if (nonce is { } solved)
                    {
                        var mined = block with { Nonce = solved };
                        Interlocked.CompareExchange(ref solution, mined with { Hash = BlockHeader.ComputeHash(mined) }, null);
                        stop.Cancel();
                    }
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                stop.Cancel();
            }
            finally
            {
                if (Interlocked.Decrement(ref running) == 0)
                {
                    allStopped.SetResult();
                }
            }
        }

        for (var i = 0; i < threadCount; i++)
        {
            new Thread(Search) { IsBackground = true, Name = $"miner-{i}", Priority = ThreadPriority.BelowNormal }.Start();
        }

        await allStopped.Task;
        return failure is null ? solution : throw new InvalidOperationException("A mining thread failed.", failure);
    }
}
