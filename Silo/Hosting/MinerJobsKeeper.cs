using Microsoft.Extensions.Options;
using Orleans.Blockchain.Sync;

namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>Keeps the two sync grains active (chain and unprocessed data): a grain timer runs only while its grain is,
/// and nothing else calls these. Every silo pokes them at start and each chain-sync interval, so after a failover they
/// resume on a survivor. (The pool and neighbour grains need no keeper: the mining loop and the chain grain call them.)</summary>
public sealed partial class MinerJobsKeeper(IGrainFactory grains, IOptions<MinerOptions> options, TimeProvider clock, ILogger<MinerJobsKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ChainSyncInterval, clock);
        do
        {
            try
            {
                await Task.WhenAll(grains.GetGrain<IChainSyncGrain>(0).StartAsync(), grains.GetGrain<IDataSyncGrain>(0).StartAsync());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPokeFailed(e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not reach a sync grain: {Problem}")]
    private partial void LogPokeFailed(string problem);
}
