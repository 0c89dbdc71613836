using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

/// <summary>A neighbour that hands over 10,000 fresh junk messages every data-sync round, against a miner whose pool
/// holds 400: peers get at most their quota per round and never the room kept for the miner's own users.</summary>
public sealed class PoolFloodTests
{
    private const int PoolSize = 400;
    private const int UserAdds = 50;

    [Fact]
    public async Task Users_adds_are_accepted_while_a_peer_floods_the_pool()
    {
        // Difficulty 6: blocks come slowly, so mining does not empty the pool between the peer's rounds.
        var settings = new MinerSettings { Difficulty = 6, Silo = new Dictionary<string, string> { ["Miner:MaxPoolSize"] = $"{PoolSize}" } };
        await using var network = await MinerNetwork.StartAsync(1, settings);
        var miner = network[0];
        var genesis = (await miner.GetChainAsync()).Chain[0];
        var round = 0;
        await using var flooder = await FakePeer.StartAsync(context => context.Request.Path == "/data"
            ? context.Response.WriteAsJsonAsync(Junk(Interlocked.Increment(ref round)), MinerProcess.Json)
            : FakePeer.AnswerIdleAsync(context, genesis));
        await miner.AddNeighbourAsync(flooder.Url);
        // The flood is under way: the pool holds the peer's junk, and the peer has been asked again since.
        await Poll.UntilAsync(async () => (await miner.GetStatusAsync()).PoolSize >= PoolSize / 2 && Volatile.Read(ref round) >= 2, "the flood to fill the pool, round after round");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < UserAdds; i++)
        {
            answers.Add(await AddPacedAsync(miner, $"a user's message {i}"));
        }

        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        TestContext.Current.TestOutputHelper?.WriteLine($"user adds accepted during the flood: {accepted} of {UserAdds}");
        Assert.True(accepted == UserAdds, $"only {accepted} of {UserAdds} user adds were accepted during the flood: {await Describe(answers)}");
        Assert.True((await miner.GetStatusAsync()).PoolSize <= PoolSize, "the pool outgrew its limit");
        Assert.All(flooder.Requests.Where(r => r.StartsWith("GET /data", StringComparison.Ordinal)), r => Assert.Equal("GET /data?limit=1000", r));
    }

    [Fact]
    public async Task A_full_pool_answers_503_with_the_id_to_check()
    {
        var settings = new MinerSettings { Difficulty = 7, Silo = new Dictionary<string, string> { ["Miner:MaxPoolSize"] = "10" } };
        await using var network = await MinerNetwork.StartAsync(1, settings);

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 12 && refused is null; i++)
        {
            var answer = await AddPacedAsync(network[0], $"filling {i}");
            refused = answer.StatusCode == HttpStatusCode.ServiceUnavailable ? answer : null;
        }

        Assert.NotNull(refused);
        var problem = await refused.Content.ReadFromJsonAsync<Dictionary<string, object>>(MinerProcess.Json);
        var id = Guid.Parse(problem!["id"].ToString()!);
        Assert.Equal("No Message added!", problem["message"].ToString());
        Assert.Null(await network[0].GetReceiptAsync(id)); // not stored: GET /messages/{id} says unknown, so send it again
    }

    /// <summary>PUT /add, waiting out the gateway's rate limit (429) if the loop outpaces it.</summary>
    private static async Task<HttpResponseMessage> AddPacedAsync(MinerProcess miner, string text)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await miner.Http.PutAsync($"add?message={Uri.EscapeDataString(text)}", null);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 20)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }

    /// <summary>10,000 valid messages no miner has seen, different every round.</summary>
    private static Message[] Junk(int round)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return [.. Enumerable.Range(0, 10_000).Select(i => Message.Create($"junk {round}.{i}", now))];
    }

    private static async Task<string> Describe(List<HttpResponseMessage> answers) =>
        string.Join("; ", await Task.WhenAll(answers.Where(a => a.StatusCode != HttpStatusCode.OK).Take(3)
            .Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}")));
}
