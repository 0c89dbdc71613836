using System.Net;
using System.Net.Http.Json;
using System.Text;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests;

/// <summary>What a peer sends is checked for shape before use and never logged at length.</summary>
public sealed class PeerLogTests
{
    [Fact]
    public async Task A_10_MB_genesis_claim_costs_a_short_log_line()
    {
        // 10 MB of "genesis hash", newlines included: a peer that would flood the log or forge lines in it.
        var claim = string.Concat(Enumerable.Repeat("forged log line\n", 10 * 1024 * 1024 / 16));
        var status = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(
            new StatusResponse("liar", 5, 4, new string('0', 64), claim, 3, 0, 0, false, 0, []), MinerProcess.Json));
        await using var liar = await FakePeer.StartAsync(context => context.Response.Body.WriteAsync(status).AsTask());
        var settings = new MinerSettings { Silo = new Dictionary<string, string> { ["Miner:Neighbours:0"] = liar.Url.ToString() } };
        await using var network = await MinerNetwork.StartAsync(1, settings);
        var miner = network[0];

        // A configured neighbour is asked every chain-sync round; another liar is asked once, when registered.
        await using var another = await FakePeer.StartAsync(context => context.Response.Body.WriteAsync(status).AsTask());
        using var registered = await miner.Http.PostAsJsonAsync("neighbours", new NeighbourRequest(another.Url.ToString()), MinerProcess.Json);
        var answer = await registered.Content.ReadAsStringAsync();
        await Poll.UntilAsync(() => Task.FromResult(liar.Requests.Count(r => r == "GET /status") >= 3), "three chain-sync rounds with the liar");

        var log = ReadShared(Path.Combine(miner.DataDirectory, "silo.log"));
        var longest = log.Split('\n').Max(line => line.Length);
        TestContext.Current.TestOutputHelper?.WriteLine($"silo.log: {log.Length:N0} characters, longest line {longest:N0}");
        Assert.True(longest < 1_000, $"the silo logged a line of {longest:N0} characters");
        Assert.True(log.Length < 1_000_000, $"the silo logged {log.Length:N0} characters in a few rounds");
        Assert.DoesNotContain("forged log line", log, StringComparison.Ordinal);
        Assert.True(registered.StatusCode == HttpStatusCode.BadRequest, $"{(int)registered.StatusCode}: {answer[..Math.Min(answer.Length, 500)]}");
        Assert.True(answer.Length < 1_000, $"the answer to registering a liar has {answer.Length:N0} characters");
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
