using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary><c>GET</c>, <c>POST</c> and <c>DELETE /neighbours</c> over real HTTP. The peers registered here are fake
/// peers that answer like miners of the fixture's network (a peer is admitted only then).</summary>
[Collection(GatewayCollection.Name)]
public sealed class NeighboursApiTests(GatewayFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Neighbours_are_the_seeds_shape_with_health_beside_them()
    {
        var body = await Http.GetJsonAsync("neighbours");

        Api.AssertProperties(body, "neighbours", "length", "health");
        var urls = body.GetProperty("neighbours").EnumerateArray().Select(u => u.GetString()).ToList();
        var health = body.GetProperty("health").EnumerateArray().ToList();
        Assert.Equal(urls.Count, body.GetProperty("length").GetInt32());
        Assert.Equal(urls.Count, health.Count);
        Assert.Equal(urls.Order(StringComparer.Ordinal), health.Select(h => h.GetProperty("url").GetString()).Order(StringComparer.Ordinal));
        foreach (var entry in health)
        {
            Assert.Equal(JsonValueKind.Number, entry.GetProperty("consecutiveFailures").ValueKind);
            Assert.True(entry.TryGetProperty("lastSeen", out _));
        }
    }

    [Fact]
    public async Task Registering_a_peer_creates_it_once_and_then_reports_it_known()
    {
        await using var peer = await StartPeerAsync();
        var url = peer.Url.ToString();
        try
        {
            using var created = await PostAsync(new { url });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("/neighbours", created.Headers.Location?.OriginalString);
            var body = await Api.ReadJsonAsync(created);
            Api.AssertProperties(body, "url");
            Assert.Equal(url, body.GetProperty("url").GetString());

            using var again = await PostAsync(new { url });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(url, (await Api.ReadJsonAsync(again)).GetProperty("url").GetString());

            // Another spelling of the same peer is the same peer: normalised, never listed twice.
            using var respelled = await PostAsync(new { url = $" HTTP://127.0.0.1:{peer.Url.Port} " });
            Assert.Equal(HttpStatusCode.OK, respelled.StatusCode);
            Assert.Equal(url, (await Api.ReadJsonAsync(respelled)).GetProperty("url").GetString());

            var listed = (await Http.GetJsonAsync("neighbours")).GetProperty("neighbours").EnumerateArray().Select(u => u.GetString());
            Assert.Single(listed, u => u == url);
        }
        finally
        {
            using var cleanup = await DeleteAsync(url, GatewayFixture.AdminKey);
        }
    }

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("not a url")]
    [InlineData("http://127.0.0.1:5/?a=b")]
    [InlineData("http://127.0.0.1:5/#top")]
    [InlineData("http://user:secret@127.0.0.1:5/")]
    [InlineData("/relative/")]
    [InlineData("")]
    [InlineData("http://127.0.0.1:5/internal-service/admin/")]
    [InlineData("http://127.0.0.1:5/x")]
    public async Task Registering_an_invalid_url_is_a_bad_request(string url)
    {
        using var response = await PostAsync(new { url });

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid peer URL", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Registering_without_a_url_is_a_bad_request()
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("neighbours", content);

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Registering_the_miner_itself_is_a_bad_request()
    {
        var self = fixture.Miner.Url.ToString();
        foreach (var url in new[] { self, self.TrimEnd('/').ToUpperInvariant() })
        {
            using var response = await PostAsync(new { url });

            var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("Not a peer", problem.GetProperty("title").GetString());
        }

        var listed = (await Http.GetJsonAsync("neighbours")).GetProperty("neighbours").EnumerateArray().Select(u => u.GetString());
        Assert.DoesNotContain(self, listed);
    }

    [Fact]
    public async Task Removing_a_peer_needs_the_admin_key_and_then_forgets_it()
    {
        await using var peer = await StartPeerAsync();
        var url = peer.Url.ToString();
        using (var created = await PostAsync(new { url }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{created.StatusCode}");
        }

        using (var noKey = await DeleteAsync(url, key: null))
        {
            var problem = await Api.AssertProblemAsync(noKey, HttpStatusCode.Unauthorized);
            Assert.Equal("Admin key required", problem.GetProperty("title").GetString());
        }

        foreach (var wrong in new[] { "wrong-key", GatewayFixture.AdminKey.ToUpperInvariant(), "" })
        {
            using var wrongKey = await DeleteAsync(url, wrong);
            await Api.AssertProblemAsync(wrongKey, HttpStatusCode.Unauthorized);
        }

        Assert.Contains(url, await ListAsync());

        using (var removed = await DeleteAsync(url, GatewayFixture.AdminKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
            Assert.Empty(await removed.Content.ReadAsByteArrayAsync());
        }

        Assert.DoesNotContain(url, await ListAsync());

        using var again = await DeleteAsync(url, GatewayFixture.AdminKey);
        var unknown = await Api.AssertProblemAsync(again, HttpStatusCode.NotFound);
        Assert.Equal("Unknown neighbour", unknown.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?url=")]
    [InlineData("?url=ftp%3A%2F%2Fx")]
    public async Task Removing_with_the_admin_key_but_an_invalid_url_is_a_bad_request(string query)
    {
        using var request = Api.Raw(HttpMethod.Delete, fixture.Miner.Url, "neighbours" + query);
        request.Headers.Add("X-Admin-Key", GatewayFixture.AdminKey);
        using var response = await Http.SendAsync(request);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid peer URL", problem.GetProperty("title").GetString());
    }

    /// <summary>A peer that answers like an idle miner of the fixture's network, so that it is admitted.</summary>
    private async Task<FakePeer> StartPeerAsync()
    {
        var genesis = (await fixture.Miner.GetChainAsync()).Chain[0];
        return await FakePeer.StartAsync(context => FakePeer.AnswerIdleAsync(context, genesis));
    }

    private async Task<List<string?>> ListAsync() =>
        [.. (await Http.GetJsonAsync("neighbours")).GetProperty("neighbours").EnumerateArray().Select(u => u.GetString())];

    private Task<HttpResponseMessage> PostAsync(object body) => Http.PostAsJsonAsync("neighbours", body);

    private Task<HttpResponseMessage> DeleteAsync(string url, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"neighbours?url={Uri.EscapeDataString(url)}");
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return SendAndDisposeAsync(request);
    }

    private async Task<HttpResponseMessage> SendAndDisposeAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Http.SendAsync(request);
        }
    }
}
