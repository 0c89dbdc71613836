using System.Collections.Immutable;
using System.Net.Http.Json;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Web.Tests;

/// <summary>Reads of a miner's chain that a reorganisation cannot break: page by page (<c>GET /chain?limit=N</c>, each
/// page read in one turn of the chain grain), checking that each page links to the one before. The streamed whole
/// chain is aborted when the chain changes between its pages, which these tests, forking and healing on purpose,
/// would meet.</summary>
public static class ChainReads
{
    private const int Page = 1000;

    /// <summary>The miner's chain, or null when it changed while being read (read it again).</summary>
    public static async Task<ImmutableArray<Block>?> ReadChainAsync(this MinerProcess miner)
    {
        var blocks = ImmutableArray.CreateBuilder<Block>();
        for (long? from = 0; from is { } next;)
        {
            var page = (await miner.Http.GetFromJsonAsync<ChainResponse>($"chain?from={next}&limit={Page}", MinerProcess.Json))!;
            if (page.Chain.IsEmpty || (blocks.Count > 0 && page.Chain[0].PreviousHash != blocks[^1].Hash))
            {
                return null;
            }

            blocks.AddRange(page.Chain);
            from = page.Next;
        }

        return blocks.ToImmutable();
    }

    /// <summary>Waits until every miner's chain holds each message exactly once.</summary>
    public static Task WaitUntilEveryChainHoldsAsync(IEnumerable<MinerProcess> miners, params Guid[] ids) =>
        Poll.UntilAsync(
            async () => (await Task.WhenAll(miners.Select(m => m.ReadChainAsync()))).All(chain =>
                chain is { } blocks && ids.All(id => blocks.SelectMany(b => b.Messages).Count(m => m.Id == id) == 1)),
            $"every chain to hold {string.Join(", ", ids)} exactly once");
}
