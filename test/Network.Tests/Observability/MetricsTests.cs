using System.Net;
using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests.Observability;

/// <summary>Each silo's and gateway's <c>/metrics</c>, and the gateway's Orleans Dashboard, over real HTTP.</summary>
public sealed class MetricsTests(ObservabilityFixture fixture) : IClassFixture<ObservabilityFixture>
{
    private static readonly string[] DomainMeters =
    [
        "blockchain_chain_height", "blockchain_chain_blocks_appended_total", "blockchain_chain_reorganisations_total",
        "blockchain_mining_blocks_mined_total", "blockchain_mining_hash_rate_per_second", "blockchain_pool_size",
        "blockchain_peers", "blockchain_sync_received_bytes_total",
    ];

    private MinerProcess First => fixture.Network[0];

    [Fact]
    public async Task Each_silo_serves_the_miners_meters_and_orleans_meters_once_a_block_is_mined()
    {
        var scrapes = new string[fixture.Network.Miners.Count];

        // Meters are recorded as things happen (a report every 2 s, peers on each change, a chain sync each second):
        // wait until every one is there with what the assertions below read.
        await Poll.UntilAsync(async () =>
        {
            for (var i = 0; i < scrapes.Length; i++)
            {
                scrapes[i] = await ScrapeAsync(fixture.Network[i].MetricsUrl!);
            }

            return scrapes.All(text => DomainMeters.All(meter => PrometheusText.Sum(text, meter) is not null)
                && PrometheusText.Sum(text, "blockchain_chain_height") >= 1
                && PrometheusText.Sum(text, "blockchain_peers") >= 1
                && PrometheusText.Labels(text, "blockchain_sync_received_bytes_total").Any(labels => labels.Contains("resource=\"status\"", StringComparison.Ordinal)));
        }, "every silo to report every domain meter, its block, its peer and a status sync");

        foreach (var text in scrapes)
        {
            Assert.True(PrometheusText.Sum(text, "blockchain_chain_height") >= 1);
            Assert.True(PrometheusText.Sum(text, "blockchain_chain_blocks_appended_total") >= 1);
            Assert.True(PrometheusText.Sum(text, "blockchain_peers") >= 1);
            Assert.True(PrometheusText.Sum(text, "blockchain_sync_received_bytes_total") > 0);
            Assert.True(PrometheusText.Sum(text, "blockchain_mining_hash_rate_per_second") >= 0);
            Assert.True(PrometheusText.Sum(text, "blockchain_pool_size") >= 0);
            Assert.True(PrometheusText.Sum(text, "blockchain_chain_reorganisations_total") >= 0);
            Assert.Contains(PrometheusText.Labels(text, "blockchain_sync_received_bytes_total"), labels => labels.Contains("resource=\"status\"", StringComparison.Ordinal));
            Assert.NotNull(PrometheusText.Sum(text, "orleans_catalog_activations"));
            Assert.NotNull(PrometheusText.Sum(text, "dotnet_gc_collections_total"));
        }

        // Exactly one miner solved the block both chains hold (or each a block of a fork; then more).
        Assert.True(scrapes.Sum(text => PrometheusText.Sum(text, "blockchain_mining_blocks_mined_total")) >= 1);
    }

    [Fact]
    public async Task The_gateway_serves_http_server_runtime_and_orleans_client_meters()
    {
        await First.GetStatusAsync();

        var text = await ScrapeAsync(new Uri(First.Url, "metrics"));

        Assert.NotNull(PrometheusText.Sum(text, "http_server_request_duration_seconds_count"));
        Assert.Contains(PrometheusText.Labels(text, "http_server_request_duration_seconds_count"), labels => labels.Contains("http_route=\"/status\"", StringComparison.Ordinal));
        Assert.NotNull(PrometheusText.Sum(text, "dotnet_gc_collections_total"));
        Assert.NotNull(PrometheusText.Sum(text, "orleans_client_connected_gateways"));
    }

    [Fact]
    public async Task Scraping_the_gateway_is_never_rate_limited()
    {
        // This address's budget for the second is spent (on a static file), and scrapes still answer: three budgets'
        // worth, so that even a window rolling over during the burst could not let a limited endpoint pass.
        var files = await BurstAsync("favicon.svg", 2 * ObservabilityFixture.RequestsPerSecond);
        var scrapes = await BurstAsync("metrics", 3 * ObservabilityFixture.RequestsPerSecond);

        Assert.Contains(HttpStatusCode.TooManyRequests, files);
        Assert.All(scrapes, status => Assert.Equal(HttpStatusCode.OK, status));

        // Leave the budget as we found it for the next test.
        await Poll.UntilAsync(async () => (await BurstAsync("favicon.svg", 1))[0] == HttpStatusCode.OK, "the rate limit's next window");
    }

    [Fact]
    public async Task The_dashboard_answers_html_on_loopback()
    {
        using var response = await First.Http.GetAsync("dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var stats = await First.Http.GetAsync("dashboard/ClusterStats");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_is_not_found_from_another_address_but_the_api_is()
    {
        Assert.SkipWhen(fixture.OtherAddress is null, "this machine has no non-loopback IPv4 address");
        using var http = new HttpClient { BaseAddress = new Uri($"http://{fixture.OtherAddress}:{First.Url.Port}/"), Timeout = TimeSpan.FromSeconds(10) };

        using var dashboard = await http.GetAsync("dashboard/");
        using var api = await http.GetAsync("dashboard/ClusterStats");
        using var status = await http.GetAsync("status");

        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    private Task<HttpStatusCode[]> BurstAsync(string path, int requests) =>
        Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
        {
            using var response = await First.Http.GetAsync(path);
            return response.StatusCode;
        }));

    private async Task<string> ScrapeAsync(Uri url)
    {
        using var response = await First.Http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
