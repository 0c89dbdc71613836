using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Peers;
using Orleans.Blockchain.Pool;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>What the miner is doing (<c>GET /status</c>) and whether it can serve (<c>GET /health</c>).</summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/status", GetStatusAsync)
            .WithName("GetStatus")
            .WithSummary("Name, height, tip, difficulty, pool size, neighbours, mining state and hash rate.")
            .WithTags("Status");

        app.MapGet("/health", GetHealthAsync)
            .WithName("GetHealth")
            .WithSummary("200 when the gateway is up and its miner's silo answers; 503 otherwise.")
            .WithTags("Status");
        return app;
    }

    private static async Task<Ok<StatusResponse>> GetStatusAsync(IClusterClient cluster)
    {
        var summary = cluster.GetGrain<IChainGrain>(0).GetSummaryAsync();
        var pool = cluster.GetGrain<IDataPoolGrain>(0).CountAsync();
        var neighbours = cluster.GetGrain<INeighbourGrain>(0).GetNeighboursAsync();
        var miner = cluster.GetGrain<IMinerStatusGrain>(0).GetStatusAsync();
        await Task.WhenAll(summary, pool, neighbours, miner);

        var (chain, status) = (summary.Result, miner.Result);
        return TypedResults.Ok(new StatusResponse(
            status.Name, chain.Length, chain.Height, chain.TipHash, chain.GenesisHash, chain.Difficulty,
            pool.Result, neighbours.Result.Length, status.IsMining, status.HashesPerSecond, status.Silos));
    }

    /// <remarks>A minimal API over the health checks (not MapHealthChecks) so that OpenAPI documents it.</remarks>
    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealthAsync(
        HealthCheckService health, CancellationToken cancellation)
    {
        var report = await health.CheckHealthAsync(cancellation);
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToImmutableDictionary(e => e.Key, e => new HealthCheckEntry(e.Value.Status.ToString(), e.Value.Description)));
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
