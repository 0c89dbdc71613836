using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary><c>/admin/partition</c> over real HTTP: guarded by the admin key; a staged partition hides the peers it
/// cuts off from the jobs (and from <c>GET /neighbours</c>) until it is healed.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PartitionApiTests(GatewayFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Staging_and_healing_a_partition_needs_the_admin_key()
    {
        using var noKey = await SendAsync(HttpMethod.Put, new { cutOff = new[] { "http://127.0.0.1:3/" } }, key: null);
        using var wrongKey = await SendAsync(HttpMethod.Delete, null, key: "wrong");

        await Api.AssertProblemAsync(noKey, HttpStatusCode.Unauthorized);
        await Api.AssertProblemAsync(wrongKey, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_partition_hides_the_peers_it_cuts_off_until_healed()
    {
        var genesis = (await fixture.Miner.GetChainAsync()).Chain[0];
        await using var fake = await FakePeer.StartAsync(context => FakePeer.AnswerIdleAsync(context, genesis));
        var peer = fake.Url.ToString();
        using (var added = await Http.PostAsJsonAsync("neighbours", new { url = peer }))
        {
            Assert.True(added.IsSuccessStatusCode, $"{added.StatusCode}");
        }

        Assert.Contains(peer, await NeighboursAsync());

        using (var staged = await SendAsync(HttpMethod.Put, new { cutOff = new[] { $"HTTP://127.0.0.1:{fake.Url.Port}" } }, GatewayFixture.AdminKey))
        {
            Assert.Equal(HttpStatusCode.OK, staged.StatusCode);
            Assert.Equal([peer], (await staged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cutOff").EnumerateArray().Select(u => u.GetString()));
        }

        Assert.DoesNotContain(peer, await NeighboursAsync());
        using (var shown = await SendAsync(HttpMethod.Get, null, GatewayFixture.AdminKey))
        {
            Assert.Equal([peer], (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cutOff").EnumerateArray().Select(u => u.GetString()));
        }

        using (var healed = await SendAsync(HttpMethod.Delete, null, GatewayFixture.AdminKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, healed.StatusCode);
        }

        Assert.Contains(peer, await NeighboursAsync());
    }

    [Fact]
    public async Task A_partition_naming_something_that_is_not_a_peer_url_is_a_bad_request()
    {
        using var response = await SendAsync(HttpMethod.Put, new { cutOff = new[] { "ftp://127.0.0.1:5/" } }, GatewayFixture.AdminKey);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid peer URL", problem.GetProperty("title").GetString());
    }

    private async Task<List<string?>> NeighboursAsync() =>
        [.. (await Http.GetJsonAsync("neighbours")).GetProperty("neighbours").EnumerateArray().Select(u => u.GetString())];

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, object? body, string? key)
    {
        using var request = new HttpRequestMessage(method, "admin/partition") { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return await Http.SendAsync(request);
    }
}
