using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Observability;

namespace Orleans.Blockchain.Silo.Mining;

/// <summary>
/// The miner's loop on each silo, outside every grain turn: take a template from the chain grain (the same
/// block for every silo, with this silo's own range of nonces), search it on dedicated threads, hand the solved
/// block back for validation. It sleeps while the pool is empty and drops a search the moment the tip changes,
/// woken by the status grain's notices (and, should one be lost, by a cheap look at the chain each second).
/// </summary>
public sealed partial class MiningService(
    IGrainFactory grains,
    BlockMiner miner,
    MiningSignals signals,
    ILocalSiloDetails silo,
    MinerMetrics metrics,
    IOptions<MinerOptions> options,
    TimeProvider clock,
    ILogger<MiningService> logger) : BackgroundService
{
    private static readonly TimeSpan IdleRecheck = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TipRecheck = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReportPeriod = TimeSpan.FromSeconds(2);

    private volatile bool _mining;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reporting = ReportAsync(stoppingToken);
        await MineUntilStoppedAsync(stoppingToken);
        await reporting;
    }

    private async Task MineUntilStoppedAsync(CancellationToken stoppingToken)
    {
        var chain = grains.GetGrain<IChainGrain>(0);
        LogStarted(options.Value.EffectiveMiningThreads);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var poolChanged = signals.PoolChanged.Next;
                var tipChanged = signals.TipChanged.Next;
                var template = await chain.GetMiningTemplateAsync(options.Value.MaxMessagesPerBlock);
                if (template is null)
                {
                    await Task.WhenAny(poolChanged, Task.Delay(IdleRecheck, stoppingToken));
                    continue;
                }

                await MineAsync(chain, template, tipChanged, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task MineAsync(IChainGrain chain, MiningTemplate template, Task tipChanged, CancellationToken stoppingToken)
    {
        using var stale = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var watcher = CancelWhenTipChangesAsync(chain, template.Tip.Hash, tipChanged, stale);
        var started = clock.GetTimestamp();
        var hashesBefore = miner.HashesTried;

        Block? block;
        _mining = true;
        try
        {
            block = await miner.MineAsync(template, options.Value.EffectiveMiningThreads, stale.Token);
        }
        finally
        {
            _mining = false;
        }

        await stale.CancelAsync();
        await watcher;
        if (block is null)
        {
            return;
        }

        var seconds = clock.GetElapsedTime(started).TotalSeconds;
        var rate = (miner.HashesTried - hashesBefore) / Math.Max(seconds, 1e-6);
        var update = await chain.SubmitBlockAsync(block);
        if (update.Status == ChainUpdateStatus.Appended)
        {
            metrics.RecordMined();
        }

        LogMined(block.Index, block.Hash, block.Messages.Length, seconds, rate / 1e6, update.Status);
    }

    private async Task CancelWhenTipChangesAsync(IChainGrain chain, string tipHash, Task tipChanged, CancellationTokenSource stale)
    {
        try
        {
            while (!stale.IsCancellationRequested)
            {
                var recheck = Task.Delay(TipRecheck, stale.Token);
                // A notice may come late or twice (the chain's own silo hears it locally and from the status grain):
                // the search is dropped only if the chain's tip really is another than the one it mines on.
                if (await Task.WhenAny(tipChanged, recheck) == tipChanged)
                {
                    tipChanged = signals.TipChanged.Next;
                }

                if ((await chain.GetSummaryAsync()).TipHash != tipHash)
                {
                    await stale.CancelAsync();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The search ended first.
        }
    }

    /// <summary>Tells the miner's status grain, every couple of seconds, this silo's hash rate (for <c>/status</c>).</summary>
    private async Task ReportAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ReportPeriod, clock);
        var status = grains.GetGrain<IMinerStatusGrain>(0);

        // The reference holds the observer only weakly: GC.KeepAlive below keeps it alive while the loop runs.
        var observer = new MiningObserver(signals);
        var reference = grains.CreateObjectReference<IMiningObserver>(observer);
        var (hashes, at) = (miner.HashesTried, clock.GetTimestamp());
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (nowHashes, now) = (miner.HashesTried, clock.GetTimestamp());
                var rate = (nowHashes - hashes) / clock.GetElapsedTime(at, now).TotalSeconds;
                (hashes, at) = (nowHashes, now);
                metrics.RecordHashRate(rate);
                try
                {
                    await status.ReportAsync(new MiningReport(silo.SiloAddress.ToString(), _mining, rate, options.Value.EffectiveMiningThreads, clock.GetUtcNow()), reference);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReportFailed(e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        grains.DeleteObjectReference<IMiningObserver>(reference);
        GC.KeepAlive(observer);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not report the hash rate: {Problem}")]
    private partial void LogReportFailed(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mining with {Threads} threads")]
    private partial void LogStarted(int threads);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mined block {Height} {Hash} ({Count} messages) in {Seconds:F2} s at {MegaHashes:F2} MH/s: {Status}")]
    private partial void LogMined(long height, string hash, int count, double seconds, double megaHashes, ChainUpdateStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mining failed; retrying")]
    private partial void LogFailed(Exception e);
}
