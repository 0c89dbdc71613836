using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Orleans.Blockchain.Api;
using GatewayApi = Orleans.Blockchain.Network.Tests.Gateway.Api;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

/// <summary>Who may become a neighbour: a base URL that answers GET /status with our genesis, registered within the
/// rate limit. Whatever users register and peers gossip, the miner only ever calls its own API paths.</summary>
public sealed class AdmissionTests
{
    private static readonly string[] PeerPaths = ["/status", "/chain", "/data", "/neighbours", "/blocks"];

    [Fact]
    public async Task Path_bearing_and_wrong_genesis_urls_are_refused_and_the_miner_never_requests_a_chosen_path()
    {
        var settings = new MinerSettings { Gateway = new Dictionary<string, string> { ["Gateway:NeighbourRegistrationsPerMinute"] = "8" } };
        await using var network = await MinerNetwork.StartAsync(1, settings);
        var miner = network[0];
        var genesis = (await miner.GetChainAsync()).Chain[0];
        await using var victim = await FakePeer.StartAsync(context => FakePeer.AnswerIdleAsync(context, genesis));
        await using var otherNetwork = await FakePeer.StartAsync(context => FakePeer.WriteStatusAsync(context, new string('a', 64)));
        var chosenPaths = new[] { $"{victim.Url}internal-service/admin/", $"{victim.Url}x", $"{victim.Url}?a=b" };
        // A peer of our network that gossips the chosen paths and the other network's miner.
        await using var gossiper = await FakePeer.StartAsync(context => context.Request.Path == "/neighbours"
            ? context.Response.WriteAsJsonAsync(new NeighboursResponse([.. chosenPaths, otherNetwork.Url.ToString()], 4, []), MinerProcess.Json)
            : FakePeer.AnswerIdleAsync(context, genesis));

        foreach (var url in chosenPaths)
        {
            using var refused = await miner.Http.PostAsJsonAsync("neighbours", new NeighbourRequest(url), MinerProcess.Json);
            var problem = await GatewayApi.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
            Assert.Equal("Invalid peer URL", problem.GetProperty("title").GetString());
            Assert.Contains("base URL", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var wrongGenesis = await miner.Http.PostAsJsonAsync("neighbours", new NeighbourRequest(otherNetwork.Url.ToString()), MinerProcess.Json))
        {
            var problem = await GatewayApi.AssertProblemAsync(wrongGenesis, HttpStatusCode.BadRequest);
            Assert.Equal("Not a peer", problem.GetProperty("title").GetString());
            Assert.Contains("another network", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await miner.AddNeighbourAsync(gossiper.Url);
        await Poll.UntilAsync(() => Task.FromResult(gossiper.Requests.Count(r => r == "GET /neighbours") >= 3), "three gossip rounds with the gossiper");

        Assert.Equal([gossiper.Url.ToString()], (await miner.GetNeighboursAsync()).Neighbours);
        Assert.Empty(victim.Requests);
        Assert.All(otherNetwork.Requests, r => Assert.Equal("GET /status", r));
        Assert.All(gossiper.Requests, r => Assert.Contains(new Uri(gossiper.Url, r.Split(' ')[1]).AbsolutePath, PeerPaths));

        // One slot per host and port: the same peer under another scheme is the peer already known.
        using (var sameSlot = await miner.Http.PostAsJsonAsync("neighbours", new NeighbourRequest($"https://127.0.0.1:{gossiper.Url.Port}"), MinerProcess.Json))
        {
            Assert.Equal(HttpStatusCode.OK, sameSlot.StatusCode);
        }

        // Registrations are rate limited per client address: 8 a minute here, so a 9th in one window is refused.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 9 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            using var response = await miner.Http.PostAsJsonAsync("neighbours", new NeighbourRequest(gossiper.Url.ToString()), MinerProcess.Json);
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
