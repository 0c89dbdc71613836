using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class NeighbourGrainTests(ClusterFixture fixture)
{
    private readonly INeighbourGrain _neighbours = fixture.Grains.GetGrain<INeighbourGrain>(ClusterFixture.NewKey());

    [Fact]
    public async Task Adds_normalised_urls_once_up_to_the_maximum()
    {
        Assert.Equal(NeighbourAddResult.Added, await AddAsync("http://LOCALHOST:5001"));
        Assert.Equal(NeighbourAddResult.AlreadyKnown, await AddAsync("http://localhost:5001/"));
        Assert.Equal(NeighbourAddResult.Added, await AddAsync("http://127.0.0.1:5002/"));
        Assert.Equal(NeighbourAddResult.Added, await AddAsync("https://127.0.0.1:5003/"));
        Assert.Equal(NeighbourAddResult.Full, await AddAsync("http://127.0.0.1:5004/"));

        var urls = (await _neighbours.GetNeighboursAsync()).Select(n => n.Url.ToString()).Order();
        Assert.Equal(["http://127.0.0.1:5002/", "http://localhost:5001/", "https://127.0.0.1:5003/"], urls);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21/")]
    [InlineData("http://127.0.0.1:5001/?x=1")]
    [InlineData("http://user:pw@127.0.0.1:5001/")]
    [InlineData("http://127.0.0.1:5001/internal-service/admin/")]
    [InlineData(ClusterFixture.PublicUrl)]
    public async Task Refuses_other_schemes_paths_queries_credentials_and_itself(string url) =>
        Assert.Equal(NeighbourAddResult.Invalid, await AddAsync(url));

    [Fact]
    public async Task Takes_one_slot_per_host_and_port_whatever_the_scheme()
    {
        Assert.Equal(NeighbourAddResult.Added, await AddAsync("http://127.0.0.1:5020/"));
        Assert.Equal(NeighbourAddResult.AlreadyKnown, await AddAsync("https://127.0.0.1:5020/"));
        Assert.Single(await _neighbours.GetNeighboursAsync());
    }

    [Fact]
    public async Task Refuses_a_peer_that_does_not_answer_with_our_genesis()
    {
        var outcome = await _neighbours.AddAsync(new Uri($"http://{FakeAdmission.OtherNetworkHost}:5000/"));

        Assert.Equal(NeighbourAddResult.NotAdmitted, outcome.Result);
        Assert.Equal("it is on another network", outcome.Reason);
        Assert.Empty(await _neighbours.GetNeighboursAsync());
    }

    [Fact]
    public async Task Bans_per_host_and_port()
    {
        await AddAsync("http://127.0.0.1:5030/");

        await _neighbours.BanAsync(new Uri("http://127.0.0.1:5030/"), "it served a forged block");

        Assert.Empty(await _neighbours.GetNeighboursAsync());
        var again = await _neighbours.AddAsync(new Uri("https://127.0.0.1:5030/"));
        Assert.Equal(NeighbourAddResult.Refused, again.Result);
        Assert.Contains("127.0.0.1:5030 is refused until", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_list_makes_room_by_replacing_the_worst_failing_learned_peer()
    {
        foreach (var port in new[] { 5041, 5042, 5043 })
        {
            await AddAsync($"http://127.0.0.1:{port}/");
        }

        await _neighbours.ReportAsync(new Uri("http://127.0.0.1:5042/"), succeeded: false);
        await _neighbours.ReportAsync(new Uri("http://127.0.0.1:5042/"), succeeded: false);
        await _neighbours.ReportAsync(new Uri("http://127.0.0.1:5043/"), succeeded: false);

        Assert.Equal(NeighbourAddResult.Added, await AddAsync("http://127.0.0.1:5044/"));
        var urls = (await _neighbours.GetNeighboursAsync()).Select(n => n.Url.Port).Order();
        Assert.Equal([5041, 5043, 5044], urls);
    }

    [Fact]
    public async Task Removes_and_tracks_health()
    {
        var url = new Uri("http://127.0.0.1:5010/");
        await _neighbours.AddAsync(url);

        await _neighbours.ReportAsync(url, succeeded: false);
        await _neighbours.ReportAsync(url, succeeded: false);
        Assert.Equal(2, (await _neighbours.GetNeighboursAsync()).Single().ConsecutiveFailures);
        await _neighbours.ReportAsync(url, succeeded: true);
        var healthy = (await _neighbours.GetNeighboursAsync()).Single();
        Assert.True(healthy.IsHealthy);
        Assert.NotNull(healthy.LastSeen);

        Assert.True(await _neighbours.RemoveAsync(url));
        Assert.False(await _neighbours.RemoveAsync(url));
        Assert.Empty(await _neighbours.GetNeighboursAsync());
    }

    private async Task<NeighbourAddResult> AddAsync(string url) => (await _neighbours.AddAsync(new Uri(url))).Result;
}
