using System.Net;
using System.Text.Json;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary><c>GET /health</c> and <c>GET /status</c> over real HTTP.</summary>
[Collection(GatewayCollection.Name)]
public sealed class StatusApiTests(GatewayFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Health_is_healthy_with_the_silo_check()
    {
        using var response = await Http.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await Api.ReadJsonAsync(response);
        Api.AssertProperties(body, "status", "checks");
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var silo = body.GetProperty("checks").GetProperty("silo");
        Assert.Equal("Healthy", silo.GetProperty("status").GetString());
        Assert.Contains("chain length", silo.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_names_the_miner_and_describes_its_chain_pool_peers_and_mining()
    {
        await fixture.EnsureMinedAsync();

        var status = await Http.GetJsonAsync("status");

        Api.AssertProperties(status, "name", "length", "height", "tipHash", "genesisHash", "difficulty",
            "poolSize", "neighbours", "mining", "hashesPerSecond", "silos");
        Assert.Equal(fixture.Miner.Name, status.GetProperty("name").GetString());
        var height = status.GetProperty("height").GetInt64();
        Assert.True(height >= 1);
        Assert.Equal(height + 1, status.GetProperty("length").GetInt64());
        Assert.Equal(3, status.GetProperty("difficulty").GetInt32());
        Assert.True(status.GetProperty("poolSize").GetInt32() >= 0);
        Assert.True(status.GetProperty("neighbours").GetInt32() >= 0);
        Assert.Contains(status.GetProperty("mining").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.True(status.GetProperty("hashesPerSecond").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Array, status.GetProperty("silos").ValueKind);

        // The hashes are those of the chain's genesis and of the block at the reported height.
        var genesis = await Http.GetJsonAsync("blocks/0");
        var tip = await Http.GetJsonAsync($"blocks/{height}");
        Assert.Equal(genesis.GetProperty("hash").GetString(), status.GetProperty("genesisHash").GetString());
        Assert.Equal(tip.GetProperty("hash").GetString(), status.GetProperty("tipHash").GetString());
    }

    [Fact]
    public async Task Status_reports_each_silos_mining_threads()
    {
        // The silo reports every few seconds; the first report may not be in yet.
        JsonElement silos = default;
        await Harness.Poll.UntilAsync(async () =>
        {
            silos = (await Http.GetJsonAsync("status")).GetProperty("silos");
            return silos.GetArrayLength() > 0;
        }, "a mining report in /status");

        foreach (var silo in silos.EnumerateArray())
        {
            Api.AssertProperties(silo, "silo", "isMining", "hashesPerSecond", "threads", "at");
            Assert.Equal(1, silo.GetProperty("threads").GetInt32());
        }
    }
}
