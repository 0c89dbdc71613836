using System.Globalization;
using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary>One look at a miner for <c>watch</c>: its status and how many of its neighbours answer.</summary>
internal sealed class MinerWatcher(GatewayClient gateway)
{
    public const string Header = "TIME      HEIGHT  TIP                POOL  PEERS  MINING  RATE";

    public async Task<WatchSample> SampleAsync(DateTimeOffset at, CancellationToken cancellation)
    {
        var status = gateway.GetStatusAsync(cancellation);
        var neighbours = gateway.GetNeighboursAsync(cancellation);
        await Task.WhenAll(status, neighbours);
        return new WatchSample(at, await status, (await neighbours).Health.Count(n => n.IsHealthy), (await neighbours).Length);
    }

    /// <summary>A row under <see cref="Header"/>, columns aligned by fixed widths since rows arrive one by one.</summary>
    public static string Row(WatchSample sample) => string.Create(CultureInfo.InvariantCulture,
        $"{sample.At:HH:mm:ss}  {sample.Status.Height,6}  {Printable.ShortHash(Printable.Cell(sample.Status.TipHash)),-17}  {sample.Status.PoolSize,4}  {$"{sample.HealthyNeighbours}/{sample.Neighbours}",5}  {Printable.YesNo(sample.Status.Mining),-6}  {Printable.HashRate(sample.Status.HashesPerSecond)}");
}
