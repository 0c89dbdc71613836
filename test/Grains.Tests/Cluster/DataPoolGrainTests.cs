using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Pool;

namespace Orleans.Blockchain.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class DataPoolGrainTests(ClusterFixture fixture)
{
    private readonly IDataPoolGrain _pool = fixture.Grains.GetGrain<IDataPoolGrain>(ClusterFixture.NewKey());

    [Fact]
    public async Task Adds_once_per_id_and_keeps_the_order()
    {
        var a = TestBlocks.NewMessage("a");
        var b = TestBlocks.NewMessage("b");

        Assert.Equal(PoolAddResult.Added, await _pool.AddAsync(a));
        Assert.Equal(PoolAddResult.Duplicate, await _pool.AddAsync(a));
        Assert.Equal(PoolAddResult.Invalid, await _pool.AddAsync(a with { Text = "other" }));
        Assert.Equal(1, await _pool.AddRangeAsync([a, b, b]));

        Assert.Equal([a, b], await _pool.GetMessagesAsync());
        Assert.Equal([a], await _pool.PeekAsync(1));
        Assert.Equal(b, await _pool.FindAsync(b.Id));
    }

    [Fact]
    public async Task Refuses_invalid_messages()
    {
        Assert.Equal(PoolAddResult.Invalid, await _pool.AddAsync(TestBlocks.NewMessage("  ")));
        Assert.Equal(PoolAddResult.Invalid, await _pool.AddAsync(TestBlocks.NewMessage(new string('x', 1001))));
        Assert.Equal(PoolAddResult.Invalid, await _pool.AddAsync(new Message(Guid.NewGuid(), "x", TestBlocks.Now())));
        var notWholeMilliseconds = TestBlocks.Now().AddTicks(1);
        Assert.Equal(PoolAddResult.Invalid, await _pool.AddAsync(new Message(Message.IdFor("x", notWholeMilliseconds), "x", notWholeMilliseconds)));
        Assert.Empty(await _pool.GetMessagesAsync());
    }

    [Fact]
    public async Task Is_bounded_but_never_drops_what_a_reorganisation_returns()
    {
        var messages = Enumerable.Range(0, ClusterFixture.MaxPoolSize + 5).Select(i => TestBlocks.NewMessage($"{i}")).ToList();

        Assert.Equal(ClusterFixture.MaxPoolSize, await _pool.AddRangeAsync([.. messages]));
        Assert.Equal(PoolAddResult.Full, await _pool.AddAsync(TestBlocks.NewMessage()));
        Assert.Equal(5, await _pool.AddRangeAsync([.. messages], evenIfFull: true));
        Assert.Equal(messages.Count, (await _pool.GetMessagesAsync()).Length);
    }

    [Fact]
    public async Task Removes_what_the_chain_holds()
    {
        var a = TestBlocks.NewMessage("a");
        var b = TestBlocks.NewMessage("b");
        await _pool.AddRangeAsync([a, b]);

        await _pool.RemoveAsync([a.Id, Guid.NewGuid()]);

        Assert.Equal([b], await _pool.GetMessagesAsync());
        Assert.Null(await _pool.FindAsync(a.Id));
    }
}
