using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;
using Orleans.Blockchain.Sync;

namespace Orleans.Blockchain.Gateway.Api;

/// <summary>What the miner knows of other chains: the tips (<c>GET /tips</c>) and its neighbours' last blocks
/// (<c>GET /network</c>), both from what its chain sync last saw; the browser never calls other miners.</summary>
public static class TipsApi
{
    public const string Active = "active";
    public const string ValidFork = "valid-fork";
    public const string Invalid = "invalid";
    private const int RecentBlocks = 6;

    public static IEndpointRouteBuilder MapTipsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tips", GetTipsAsync)
            .WithName("GetTips")
            .WithSummary("This miner's tip (active) and every different tip its neighbours report: valid-fork with the branch length since the common ancestor, or invalid.")
            .WithTags("Chain");

        app.MapGet("/network", GetNetworkAsync)
            .WithName("GetNetwork")
            .WithSummary("This miner's last blocks and each neighbour's, as the chain sync last saw them (peers cut off by a partition included).")
            .WithTags("Chain");
        return app;
    }

    /// <summary>Our tip first, then the forks, highest first; one entry per tip, naming every peer that reported it.</summary>
    public static ImmutableArray<TipResponse> Tips(ChainSummary ours, IEnumerable<PeerChain> peers)
    {
        var forks = peers
            .Where(p => p.ForkHeight is not null || p.Invalid)
            .GroupBy(p => p.TipHash)
            .Select(g => new TipResponse(
                g.First().Height,
                g.Key,
                g.Min(p => p.ForkHeight) is { } fork ? g.First().Height - fork + 1 : 0,
                g.Any(p => p.Invalid) ? Invalid : ValidFork,
                [.. g.Select(p => p.Url.ToString()).Order(StringComparer.Ordinal)]))
            .OrderByDescending(t => t.Height)
            .ThenBy(t => t.Hash, StringComparer.Ordinal);
        return [new TipResponse(ours.Height, ours.TipHash, 0, Active, []), .. forks];
    }

    private static async Task<Ok<ImmutableArray<TipResponse>>> GetTipsAsync(IClusterClient cluster)
    {
        var ours = cluster.GetGrain<IChainGrain>(0).GetSummaryAsync();
        var peers = cluster.GetGrain<IChainSyncGrain>(0).GetPeerChainsAsync();
        return TypedResults.Ok(Tips(await ours, await peers));
    }

    private static async Task<Ok<NetworkResponse>> GetNetworkAsync(IClusterClient cluster)
    {
        var chain = cluster.GetGrain<IChainGrain>(0);
        var summary = await chain.GetSummaryAsync();
        var recent = chain.GetBlocksAsync(Math.Max(0, summary.Length - RecentBlocks), RecentBlocks);
        var peers = cluster.GetGrain<IChainSyncGrain>(0).GetPeerChainsAsync();
        var status = cluster.GetGrain<IMinerStatusGrain>(0).GetStatusAsync();
        return TypedResults.Ok(new NetworkResponse((await status).Name, summary.Height, summary.TipHash, [.. (await recent).Select(BlockDigest.Of)], await peers));
    }
}
