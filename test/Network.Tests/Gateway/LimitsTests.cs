using System.Net;
using System.Text;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary>A second miner whose gateway is configured tight: 3 messages per second, 64 KB bodies,
/// messages of at most 10 characters, and no admin key.</summary>
public sealed class LimitedGatewayFixture : IAsyncLifetime
{
    public const int MessagesPerSecond = 3;
    public const int MaxRequestBytes = 65_536;
    public const int MaxMessageLength = 10;

    private MinerNetwork? _network;

    public MinerProcess Miner => _network?[0] ?? throw new InvalidOperationException("The miner has not started.");

    public async ValueTask InitializeAsync() =>
        _network = await MinerNetwork.StartAsync(1, new MinerSettings
        {
            AdminKey = null,
            Gateway = new Dictionary<string, string>
            {
                ["Gateway:MessagesPerSecond"] = $"{MessagesPerSecond}",
                ["Gateway:MaxRequestBytes"] = $"{MaxRequestBytes}",
                ["Gateway:MaxMessageLength"] = $"{MaxMessageLength}",
            },
        });

    public async ValueTask DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }
}

/// <summary>The gateway's configured limits, on their own miner so that they do not get in the other tests' way.</summary>
public sealed class LimitsTests(LimitedGatewayFixture fixture) : IClassFixture<LimitedGatewayFixture>
{
    private HttpClient Http => fixture.Miner.Http;

    [Fact]
    public async Task Messages_beyond_the_rate_are_refused_with_429_and_none_accepted_is_lost()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await Http.PutAsync($"add?message=burst{i}", null);
            return (response.StatusCode, MediaType: response.Content.Headers.ContentType?.MediaType, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{(int)r.StatusCode}: {r.Body}"));
        var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(accepted);
        Assert.NotEmpty(refused);

        var ids = accepted.Select(r => Id(r.Body)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        await Poll.UntilAsync(async () => (await Task.WhenAll(ids.Select(fixture.Miner.CountInChainAsync))).All(n => n == 1),
            "every accepted message to be in the chain exactly once");

        foreach (var (status, mediaType, body) in refused)
        {
            using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType ?? "text/plain") };
            var problem = await Api.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
            Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        }

        static Guid Id(string body)
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.GetProperty("id").GetGuid();
        }
    }

    [Fact]
    public async Task Messages_are_accepted_again_once_the_rate_window_has_passed()
    {
        for (var i = 0; i < LimitedGatewayFixture.MessagesPerSecond * 3; i++)
        {
            using var burst = await Http.PutAsync($"add?message=again{i}", null);
        }

        // The window is one second: polling (not sleeping) until one is taken again.
        await Poll.UntilAsync(async () =>
        {
            using var response = await Http.PutAsync("add?message=later", null);
            return response.StatusCode == HttpStatusCode.OK;
        }, "a message to be accepted after the window", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Request_body_beyond_the_configured_maximum_is_refused_with_413()
    {
        var padding = new string('x', 200 * 1024);
        using var content = new StringContent($"{{\"block\":null,\"from\":\"{padding}\"}}", Encoding.UTF8, "application/json");

        using var response = await Http.PostAsync("blocks", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // A body within the limit still reaches the endpoint.
        using var small = new StringContent("{\"block\":null}", Encoding.UTF8, "application/json");
        using var answered = await Http.PostAsync("blocks", small);
        await Api.AssertProblemAsync(answered, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Configured_maximum_message_length_is_applied()
    {
        var atMaximum = new string('m', LimitedGatewayFixture.MaxMessageLength);
        var tooLong = atMaximum + "m";

        using var refused = await PutOutsideTheRateLimitAsync(tooLong);
        var problem = await Api.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal("No Message added!", problem.GetProperty("message").GetString());

        using var accepted = await PutOutsideTheRateLimitAsync(atMaximum);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Removing_a_peer_is_forbidden_when_no_admin_key_is_configured()
    {
        foreach (var key in new[] { "", "anything" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, $"neighbours?url={Uri.EscapeDataString("http://127.0.0.1:3/")}");
            request.Headers.Add("X-Admin-Key", key);
            using var response = await Http.SendAsync(request);

            var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal("Admin operations are disabled", problem.GetProperty("title").GetString());
        }
    }

    /// <summary>PUT /add, retried while the rate limit (left over from another test) refuses it.</summary>
    private async Task<HttpResponseMessage> PutOutsideTheRateLimitAsync(string text)
    {
        HttpResponseMessage? last = null;
        await Poll.UntilAsync(async () =>
        {
            last?.Dispose();
            last = await Http.PutAsync($"add?message={Uri.EscapeDataString(text)}", null);
            return last.StatusCode != HttpStatusCode.TooManyRequests;
        }, "a PUT /add outside the rate limit", TimeSpan.FromSeconds(10));
        return last!;
    }
}
