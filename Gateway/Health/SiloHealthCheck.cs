using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Gateway.Health;

/// <summary>Ready when the miner's silo answers a cheap grain call within two seconds.</summary>
public sealed class SiloHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var summary = await cluster.GetGrain<IChainGrain>(0).GetSummaryAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"silo reachable; chain length {summary.Length}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the miner's silo does not answer", e);
        }
    }
}
