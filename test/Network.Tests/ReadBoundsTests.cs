using System.Net;
using System.Net.Http.Json;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

/// <summary>Reads are bounded however full the pool: <c>GET /data</c> answers one page, and its Link header leads to
/// the next until every pending message was seen.</summary>
public sealed class ReadBoundsTests
{
    private const int Page = 10;
    private const int Pending = 25;

    [Fact]
    public async Task Data_is_paged_by_default_and_the_continuation_reaches_every_message()
    {
        // Difficulty 7: nothing is mined while the test reads, so the pool holds exactly what was added.
        var settings = new MinerSettings { Difficulty = 7, Gateway = new Dictionary<string, string> { ["Gateway:MaxDataPage"] = $"{Page}" } };
        await using var network = await MinerNetwork.StartAsync(1, settings);
        var miner = network[0];
        var added = new List<Guid>();
        for (var i = 0; i < Pending; i++)
        {
            added.Add(await miner.AddAsync($"pending {i}"));
        }

        var (first, next) = await GetPageAsync(miner, "data");
        Assert.Equal(Page, first.Count);
        Assert.Equal(added.Take(Page), first.Select(m => m.Id)); // oldest first

        var seen = new List<Guid>(first.Select(m => m.Id));
        for (var pages = 1; next is not null; pages++)
        {
            Assert.True(pages < Pending, "the continuation never ends");
            (var page, next) = await GetPageAsync(miner, next);
            Assert.InRange(page.Count, 1, Page);
            seen.AddRange(page.Select(m => m.Id));
        }

        Assert.Equal(added, seen);
        Assert.Equal(Pending, (await miner.GetStatusAsync()).PoolSize);

        var (four, nextOfFour) = await GetPageAsync(miner, "data?limit=4");
        Assert.Equal(added.Take(4), four.Select(m => m.Id));
        Assert.Equal($"/data?after={added[3]}&limit=4", nextOfFour);
        var (capped, _) = await GetPageAsync(miner, "data?limit=1000");
        Assert.Equal(Page, capped.Count);
        using var zero = await miner.Http.GetAsync("data?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
    }

    /// <summary>One page and the path of the next (from the Link header), if any.</summary>
    private static async Task<(List<Message> Page, string? Next)> GetPageAsync(MinerProcess miner, string path)
    {
        using var response = await miner.Http.GetAsync(path.TrimStart('/'));
        response.EnsureSuccessStatusCode();
        var page = (await response.Content.ReadFromJsonAsync<List<Message>>(MinerProcess.Json))!;
        var link = response.Headers.TryGetValues("Link", out var values) ? values.Single() : null;
        if (link is null)
        {
            return (page, null);
        }

        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        return (page, link[1..link.IndexOf('>', StringComparison.Ordinal)]);
    }
}
