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
    public async Task Tells_which_ids_it_does_not_hold()
    {
        var (held, other) = (TestBlocks.NewMessage("held"), TestBlocks.NewMessage("not held"));
        await _pool.AddAsync(held);

        Assert.Equal([other.Id], await _pool.WithoutKnownAsync([held.Id, other.Id]));
        Assert.Empty(await _pool.WithoutKnownAsync([]));
    }

    [Fact]
    public async Task Adds_a_batch_answering_each_message_as_a_single_add_would()
    {
        var (a, b, c) = (TestBlocks.NewMessage("batch a"), TestBlocks.NewMessage("batch b"), TestBlocks.NewMessage("batch c"));
        Assert.Equal(PoolAddResult.Added, await _pool.AddAsync(a));

        var results = await _pool.AddManyAsync([a, b, TestBlocks.NewMessage("  "), b, c]);

        Assert.Equal([PoolAddResult.Duplicate, PoolAddResult.Added, PoolAddResult.Invalid, PoolAddResult.Duplicate, PoolAddResult.Added], results);
        Assert.Equal([a, b, c], await _pool.GetMessagesAsync());
        Assert.Empty(await _pool.AddManyAsync([]));
    }

    [Fact]
    public async Task A_batch_that_does_not_fit_adds_what_fits_and_answers_the_rest_full()
    {
        var room = ClusterFixture.MaxPoolSize - 2;
        await _pool.AddRangeAsync([.. Enumerable.Range(0, room).Select(i => TestBlocks.NewMessage($"filler {i}"))], evenIfFull: true);
        var (a, b, c) = (TestBlocks.NewMessage("fits a"), TestBlocks.NewMessage("fits b"), TestBlocks.NewMessage("too many"));

        var results = await _pool.AddManyAsync([a, a, b, c, c]);

        Assert.Equal([PoolAddResult.Added, PoolAddResult.Duplicate, PoolAddResult.Added, PoolAddResult.Full, PoolAddResult.Full], results);
        Assert.Equal(ClusterFixture.MaxPoolSize, await _pool.CountAsync());
        Assert.Null(await _pool.FindAsync(c.Id));
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
    public async Task Is_bounded_keeps_room_for_users_and_never_drops_what_a_reorganisation_returns()
    {
        var messages = Enumerable.Range(0, ClusterFixture.MaxPoolSize + 5).Select(i => TestBlocks.NewMessage($"{i}")).ToList();
        var fromPeers = ClusterFixture.MaxPoolSize * 3 / 4; // 25 % of the pool is kept for the miner's users

        Assert.Equal(fromPeers, await _pool.AddRangeAsync([.. messages]));
        Assert.Equal(0, await _pool.AddRangeAsync([TestBlocks.NewMessage("one more from a peer")]));
        for (var i = fromPeers; i < ClusterFixture.MaxPoolSize; i++)
        {
            Assert.Equal(PoolAddResult.Added, await _pool.AddAsync(TestBlocks.NewMessage($"a user's {i}")));
        }

        Assert.Equal(PoolAddResult.Full, await _pool.AddAsync(TestBlocks.NewMessage()));
        Assert.Equal(ClusterFixture.MaxPoolSize, await _pool.CountAsync());
        Assert.Equal(messages.Count - fromPeers, await _pool.AddRangeAsync([.. messages], evenIfFull: true));
        Assert.Equal(messages.Count + ClusterFixture.MaxPoolSize - fromPeers, await _pool.CountAsync());
    }

    [Fact]
    public async Task Pages_from_the_message_after_the_cursor_or_from_the_oldest_when_it_is_gone()
    {
        var messages = Enumerable.Range(0, 5).Select(i => TestBlocks.NewMessage($"page {i}")).ToList();
        await _pool.AddRangeAsync([.. messages]);

        Assert.Equal(messages[..2], await _pool.GetPageAsync(null, 2));
        Assert.Equal(messages[2..4], await _pool.GetPageAsync(messages[1].Id, 2));
        Assert.Empty(await _pool.GetPageAsync(messages[4].Id, 2));
        await _pool.RemoveAsync([messages[1].Id]);
        Assert.Equal([messages[0], messages[2]], await _pool.GetPageAsync(messages[1].Id, 2));
    }

    [Fact]
    public async Task Refuses_control_and_format_characters_from_peers_too()
    {
        var fine = TestBlocks.NewMessage("line one\n\tline two");

        Assert.Equal(1, await _pool.AddRangeAsync([TestBlocks.NewMessage("a\u202Eb"), TestBlocks.NewMessage("\u0000"), TestBlocks.NewMessage("\u200B"), fine]));
        Assert.Equal([fine], await _pool.GetPageAsync(null, 10));
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
