using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Tests.Peers;

public sealed class NeighbourEvictionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Eviction_never_picks_a_configured_or_a_healthy_peer()
    {
        var configured = new Uri("http://127.0.0.1:1/");
        var failing = new Neighbour(new Uri("http://127.0.0.1:2/"), ConsecutiveFailures: 1, LastSeen: Now);
        var worse = new Neighbour(new Uri("http://127.0.0.1:3/"), ConsecutiveFailures: 1, LastSeen: Now.AddMinutes(-5));
        var neighbours = new[] { new Neighbour(configured, ConsecutiveFailures: 9), new Neighbour(new Uri("http://127.0.0.1:4/")), failing, worse };

        Assert.Equal(worse, NeighbourEviction.Victim(neighbours, new HashSet<Uri> { configured }));
        Assert.Null(NeighbourEviction.Victim([new Neighbour(configured, ConsecutiveFailures: 9), new Neighbour(new Uri("http://127.0.0.1:4/"))], new HashSet<Uri> { configured }));
    }
}
