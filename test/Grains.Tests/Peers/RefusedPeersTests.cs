using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Tests.Peers;

public sealed class RefusedPeersTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_refusal_covers_the_host_and_port_under_any_scheme_and_expires()
    {
        var refused = new RefusedPeers(capacity: 10);

        refused.Refuse(new Uri("http://127.0.0.1:5001/"), Now.AddMinutes(5), Now);

        Assert.Equal(Now.AddMinutes(5), refused.RefusedUntil(new Uri("https://127.0.0.1:5001/"), Now));
        Assert.Null(refused.RefusedUntil(new Uri("http://127.0.0.1:5002/"), Now));
        Assert.Null(refused.RefusedUntil(new Uri("http://127.0.0.1:5001/"), Now.AddMinutes(5)));
    }

    [Fact]
    public void A_shorter_refusal_does_not_shorten_a_ban()
    {
        var refused = new RefusedPeers(capacity: 10);
        var peer = new Uri("http://127.0.0.1:5001/");

        refused.Refuse(peer, Now.AddHours(1), Now);
        refused.Refuse(peer, Now.AddMinutes(5), Now);

        Assert.Equal(Now.AddHours(1), refused.RefusedUntil(peer, Now));
    }

    [Fact]
    public void Is_bounded_and_forgets_the_refusal_that_ends_first()
    {
        var refused = new RefusedPeers(capacity: 2);

        refused.Refuse(new Uri("http://127.0.0.1:1/"), Now.AddHours(1), Now);
        refused.Refuse(new Uri("http://127.0.0.1:2/"), Now.AddMinutes(5), Now);
        refused.Refuse(new Uri("http://127.0.0.1:3/"), Now.AddHours(2), Now);

        Assert.Equal(2, refused.Count);
        Assert.Null(refused.RefusedUntil(new Uri("http://127.0.0.1:2/"), Now));
        Assert.NotNull(refused.RefusedUntil(new Uri("http://127.0.0.1:1/"), Now));
        Assert.NotNull(refused.RefusedUntil(new Uri("http://127.0.0.1:3/"), Now));
    }
}
