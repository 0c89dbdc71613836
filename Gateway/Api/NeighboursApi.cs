using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>The peers: list (<c>GET /neighbours</c>), register (<c>POST /neighbours</c>), remove (<c>DELETE /neighbours?url=</c>, admin).</summary>
public static class NeighboursApi
{
    public const string RegisterPolicy = "register-neighbour";

    public static IEndpointRouteBuilder MapNeighboursApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/neighbours").WithTags("Peers");

        api.MapGet("", GetAsync)
            .WithName("GetNeighbours")
            .WithSummary("Lists the peers' gateway URLs, with their health beside them.");

        api.MapPost("", AddAsync)
            .WithName("AddNeighbour")
            .WithSummary("Registers a peer's gateway URL, e.g. {\"url\": \"http://127.0.0.1:5002/\"}; gossip does this for every miner.")
            .WithDescription("A base URL (scheme, host, port; no path, query or user info), added once it answers GET /status with this network's genesis; one per host:port. Rate limited per client address.")
            .RequireRateLimiting(RegisterPolicy);

        api.MapDelete("", RemoveAsync)
            .WithName("RemoveNeighbour")
            .WithSummary($"Forgets a peer (?url=...). Needs the admin key in the {AdminKeyFilter.Header} header.")
            .AddEndpointFilter<AdminKeyFilter>();
        return app;
    }

    private static async Task<Ok<NeighboursResponse>> GetAsync(IClusterClient cluster)
    {
        var neighbours = await cluster.GetGrain<INeighbourGrain>(0).GetNeighboursAsync();
        return TypedResults.Ok(new NeighboursResponse([.. neighbours.Select(n => n.Url.ToString())], neighbours.Length, neighbours));
    }

    private static async Task<Results<Created<NeighbourRequest>, Ok<NeighbourRequest>, ProblemHttpResult>> AddAsync(NeighbourRequest request, IClusterClient cluster)
    {
        if (PeerUrl.Problem(request?.Url, out var url) is { } problem)
        {
            return InvalidUrl(request?.Url, problem);
        }

        var normalised = new NeighbourRequest(url.ToString());
        var outcome = await cluster.GetGrain<INeighbourGrain>(0).AddAsync(url);
        return outcome.Result switch
        {
            NeighbourAddResult.Added => TypedResults.Created("/neighbours", normalised),
            NeighbourAddResult.AlreadyKnown => TypedResults.Ok(normalised),
            NeighbourAddResult.Full => TypedResults.Problem(title: "Neighbour list full", detail: $"Not added: {outcome.Reason}.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(title: "Not a peer", detail: $"{url} was not added: {outcome.Reason}.", statusCode: StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string? url, IClusterClient cluster)
    {
        if (PeerUrl.Problem(url, out var peer) is { } problem)
        {
            return InvalidUrl(url, problem);
        }

        return await cluster.GetGrain<INeighbourGrain>(0).RemoveAsync(peer)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Unknown neighbour", detail: $"{peer} is not a neighbour of this miner.", statusCode: StatusCodes.Status404NotFound);
    }

    private static ProblemHttpResult InvalidUrl(string? url, string problem) => TypedResults.Problem(
        title: "Invalid peer URL", detail: $"'{PeerText.ForLog(url, 100)}' is not a peer address: {problem}.", statusCode: StatusCodes.Status400BadRequest);
}
