using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>Staged partitions, for learning and tests (<c>/admin/partition</c>, admin key): this miner ignores the
/// peers named — no gossip, chain sync, data sync or announcements with them — until the partition is healed.
/// <c>blockchain network partition</c> sets it on every miner of a local network.</summary>
public static class PartitionApi
{
    /// <summary>Every peer the cut names is watched each sync round: the list is bounded like everything else.</summary>
    private const int MaxCutOff = 100;

    public static IEndpointRouteBuilder MapPartitionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/partition").WithTags("Admin").AddEndpointFilter<AdminKeyFilter>();

        api.MapGet("", GetAsync)
            .WithName("GetPartition")
            .WithSummary($"The peers a staged partition cuts off (empty: none). Needs the admin key in {AdminKeyFilter.Header}.");

        api.MapPut("", SetAsync)
            .WithName("SetPartition")
            .WithSummary("Stages a partition: {\"cutOff\": [\"http://127.0.0.1:5002/\"]}; this miner ignores those peers until healed. Survives restarts.");

        api.MapDelete("", HealAsync)
            .WithName("HealPartition")
            .WithSummary("Heals the partition: every peer is talked to again.");
        return app;
    }

    private static async Task<Ok<PartitionRequest>> GetAsync(IClusterClient cluster) =>
        TypedResults.Ok(new PartitionRequest([.. (await cluster.GetGrain<INeighbourGrain>(0).GetPartitionAsync()).Select(u => u.ToString())]));

    private static async Task<Results<Ok<PartitionRequest>, ProblemHttpResult>> SetAsync(PartitionRequest request, IClusterClient cluster)
    {
        var urls = new List<Uri>();
        foreach (var text in request.CutOff.IsDefault ? [] : request.CutOff)
        {
            if (!PeerUrl.TryNormalise(text, out var url))
            {
                return TypedResults.Problem(title: "Invalid peer URL", detail: $"'{text}' is not an absolute http(s) URL with a host and no query.", statusCode: StatusCodes.Status400BadRequest);
            }

            urls.Add(url);
        }

        if (urls.Count > MaxCutOff)
        {
            return TypedResults.Problem(title: "Too many peers", detail: $"A partition cuts off at most {MaxCutOff} peers.", statusCode: StatusCodes.Status400BadRequest);
        }

        await cluster.GetGrain<INeighbourGrain>(0).SetPartitionAsync([.. urls]);
        return TypedResults.Ok(new PartitionRequest([.. urls.Select(u => u.ToString())]));
    }

    private static async Task<NoContent> HealAsync(IClusterClient cluster)
    {
        await cluster.GetGrain<INeighbourGrain>(0).SetPartitionAsync(ImmutableArray<Uri>.Empty);
        return TypedResults.NoContent();
    }
}
