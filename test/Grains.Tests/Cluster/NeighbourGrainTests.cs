using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class NeighbourGrainTests(ClusterFixture fixture)
{
    private readonly INeighbourGrain _neighbours = fixture.Grains.GetGrain<INeighbourGrain>(ClusterFixture.NewKey());

    [Fact]
    public async Task Adds_normalised_urls_once_up_to_the_maximum()
    {
        Assert.Equal(NeighbourAddResult.Added, await _neighbours.AddAsync(new Uri("http://LOCALHOST:5001")));
        Assert.Equal(NeighbourAddResult.AlreadyKnown, await _neighbours.AddAsync(new Uri("http://localhost:5001/")));
        Assert.Equal(NeighbourAddResult.Added, await _neighbours.AddAsync(new Uri("http://127.0.0.1:5002/")));
        Assert.Equal(NeighbourAddResult.Added, await _neighbours.AddAsync(new Uri("https://127.0.0.1:5003/")));
        Assert.Equal(NeighbourAddResult.Full, await _neighbours.AddAsync(new Uri("http://127.0.0.1:5004/")));

        var urls = (await _neighbours.GetNeighboursAsync()).Select(n => n.Url.ToString()).Order();
        Assert.Equal(["http://127.0.0.1:5002/", "http://localhost:5001/", "https://127.0.0.1:5003/"], urls);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21/")]
    [InlineData("http://127.0.0.1:5001/?x=1")]
    [InlineData("http://user:pw@127.0.0.1:5001/")]
    [InlineData(ClusterFixture.PublicUrl)]
    public async Task Refuses_other_schemes_queries_credentials_and_itself(string url) =>
        Assert.Equal(NeighbourAddResult.Invalid, await _neighbours.AddAsync(new Uri(url)));

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
}
