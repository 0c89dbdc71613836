using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Peers;
using Orleans.Blockchain.Pool;
using Orleans.Concurrency;

namespace Orleans.Blockchain.Sync;

/// <summary>
/// The unprocessed-data sync job: each round it pulls the oldest messages of each neighbour's pool, at most a quota per
/// peer, and hands the pool those not yet in our chain; the pool keeps what is new to it, within the peers' share.
/// One peer failing, answering garbage or flooding costs only its own part of the round. Reentrant: every turn waits
/// on the network.
/// </summary>
[Reentrant]
public sealed partial class DataSyncGrain(PeerClient peers, IOptions<MinerOptions> options, ILogger<DataSyncGrain> logger) : Grain, IDataSyncGrain
{
    private IDataPoolGrain Pool => GrainFactory.GetGrain<IDataPoolGrain>(this.GetPrimaryKeyLong());

    private IChainGrain Chain => GrainFactory.GetGrain<IChainGrain>(this.GetPrimaryKeyLong());

    private INeighbourGrain Neighbours => GrainFactory.GetGrain<INeighbourGrain>(this.GetPrimaryKeyLong());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.DataSyncInterval;
        this.RegisterGrainTimer(SyncAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task StartAsync() => Task.CompletedTask;

    private async Task SyncAsync(CancellationToken cancellation)
    {
        var neighbours = await Neighbours.GetNeighboursAsync();
        var quota = options.Value.MaxPeerMessagesPerRound;
        await Task.WhenAll(neighbours.Select(async n =>
        {
            try
            {
                // Mostly what the pool holds already: only the rest is looked up in the chain and validated.
                var offered = await peers.GetDataAsync(n.Url, quota, cancellation);
                var unknown = await Pool.WithoutKnownAsync([.. offered.Select(m => m.Id)]);
                if (unknown.Length > 0)
                {
                    var fresh = (await Chain.WithoutRecordedAsync(unknown)).ToHashSet();
                    await Pool.AddRangeAsync([.. offered.Where(m => fresh.Contains(m.Id))]);
                }
            }
            catch (Exception e)
            {
                LogSyncFailed(n.Url, e.Message);
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data sync with {Peer} failed: {Problem}")]
    private partial void LogSyncFailed(Uri peer, string problem);
}
