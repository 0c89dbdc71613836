using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Peers;
using Orleans.Blockchain.Sync;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>The chain: whole or from a height (<c>GET /chain</c>), one block (<c>GET /blocks/{id}</c>),
/// and block announcements from peers (<c>POST /blocks</c>).</summary>
public static class ChainApi
{
    public static IEndpointRouteBuilder MapChainApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Chain");

        api.MapGet("/chain", GetChainAsync)
            .WithName("GetChain")
            .WithSummary("Returns the chain; ?from=H only the blocks from height H on. With ?limit=N a page: at most N blocks and at most 4 MiB, and \"next\" (the height to ask for next) while more follow; peers sync in pages.");

        api.MapGet("/blocks/{id}", GetBlockAsync)
            .WithName("GetBlock")
            .WithSummary("Returns one block, by height (e.g. /blocks/3) or by hash.");

        api.MapPost("/blocks", AnnounceAsync)
            .WithName("AnnounceBlock")
            .WithSummary("A peer announces a block; it is validated like any other and appended if it extends the tip.")
            .WithTags("Peers");
        return app;
    }

    private static async Task<Results<Ok<ChainResponse>, ChainStream, ProblemHttpResult>> GetChainAsync(IClusterClient cluster, long from = 0, int? limit = null)
    {
        if (from < 0 || limit < 1)
        {
            return TypedResults.Problem(title: "Invalid range", detail: "from must be 0 or more and limit 1 or more.", statusCode: StatusCodes.Status400BadRequest);
        }

        var chain = cluster.GetGrain<IChainGrain>(0);
        if (limit is not { } count)
        {
            return new ChainStream(chain, from);
        }

        // One page: full by count or by bytes (the grain stops at ChainResponse.MaxPageBytes); "next" says where to go on.
        var blocks = await chain.GetBlocksAsync(from, count);
        var length = (await chain.GetSummaryAsync()).Length;
        var next = from + blocks.Length;
        return TypedResults.Ok(new ChainResponse(blocks, blocks.Length, next < length && !blocks.IsEmpty ? next : null));
    }

    private static async Task<Results<Ok<Block>, ProblemHttpResult>> GetBlockAsync(string id, IClusterClient cluster)
    {
        var chain = cluster.GetGrain<IChainGrain>(0);
        Block? block;
        // A hash first: 64 decimal digits are a hash, not a height.
        if (id.Length == 64 && id.All(char.IsAsciiHexDigit))
        {
            block = await chain.FindBlockAsync(id.ToLowerInvariant());
        }
        else if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            block = await chain.GetBlockAsync(height);
        }
        else
        {
            return TypedResults.Problem(title: "Not a block id", detail: $"'{id}' is neither a height nor a 64-digit hash.", statusCode: StatusCodes.Status400BadRequest);
        }

        return block is null
            ? TypedResults.Problem(title: "No such block", detail: $"This miner's chain has no block {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(block);
    }

    private static async Task<Results<Ok<AnnouncementResponse>, ProblemHttpResult>> AnnounceAsync(BlockAnnouncement announcement, IClusterClient cluster)
    {
        if (announcement.Block is null)
        {
            return TypedResults.Problem(title: "No block", detail: "The announcement carries no block.", statusCode: StatusCodes.Status400BadRequest);
        }

        var chain = cluster.GetGrain<IChainGrain>(0);
        var update = await chain.SubmitBlockAsync(announcement.Block);
        if (update.Status == ChainUpdateStatus.Rejected)
        {
            return TypedResults.Problem(title: "Invalid block", detail: update.Reason, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        // An orphan's chain would win: fetch it now rather than at the next sync. Only from a known neighbour, so an
        // announcement cannot send this miner to an arbitrary URL.
        if (update.Status == ChainUpdateStatus.Orphan
            && PeerUrl.TryNormalise(announcement.From, out var peer)
            && (await cluster.GetGrain<INeighbourGrain>(0).GetNeighboursAsync()).Any(n => n.Url == peer))
        {
            await cluster.GetGrain<IChainSyncGrain>(0).SyncWithAsync(peer);
        }

        return TypedResults.Ok(new AnnouncementResponse(update.Status, update.Reason, update.Height));
    }
}
