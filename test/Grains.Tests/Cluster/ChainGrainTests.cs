using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Pool;

namespace Orleans.Blockchain.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ChainGrainTests(ClusterFixture fixture)
{
    private static readonly ChainRules Rules = new(ClusterFixture.Difficulty);
    private readonly long _key = ClusterFixture.NewKey();

    private IChainGrain Chain => fixture.Grains.GetGrain<IChainGrain>(_key);

    private IDataPoolGrain Pool => fixture.Grains.GetGrain<IDataPoolGrain>(_key);

    [Fact]
    public async Task A_new_chain_is_the_networks_genesis()
    {
        var summary = await Chain.GetSummaryAsync();

        Assert.Equal(1, summary.Length);
        Assert.Equal(Rules.Genesis.Hash, summary.GenesisHash);
        Assert.Equal(Rules.Genesis.Hash, summary.TipHash);
        Assert.Equal(ClusterFixture.Difficulty, summary.Difficulty);
    }

    [Fact]
    public async Task A_valid_block_on_the_tip_is_appended_and_its_messages_leave_the_pool()
    {
        var message = TestBlocks.NewMessage();
        await Pool.AddAsync(message);
        var block = TestBlocks.Mine(Rules.Genesis, [message]);

        var update = await Chain.SubmitBlockAsync(block);

        Assert.Equal(ChainUpdateStatus.Appended, update.Status);
        Assert.Equal(block.Hash, (await Chain.GetBlockAsync(1))?.Hash);
        Assert.Equal(block.Hash, (await Chain.FindBlockAsync(block.Hash))!.Hash);
        Assert.Empty(await Pool.GetMessagesAsync());
    }

    [Fact]
    public async Task An_invalid_block_is_rejected_with_a_reason_and_never_stored()
    {
        var block = TestBlocks.Mine(Rules.Genesis, [TestBlocks.NewMessage()]);
        var forged = block with { Messages = [block.Messages[0] with { Text = "forged" }] };

        var update = await Chain.SubmitBlockAsync(forged);

        Assert.Equal(ChainUpdateStatus.Rejected, update.Status);
        Assert.Contains("hash does not match", update.Reason);
        Assert.Equal(1, (await Chain.GetSummaryAsync()).Length);
    }

    [Fact]
    public async Task A_block_whose_parent_we_lack_is_an_orphan_if_its_chain_would_win_and_ignored_otherwise()
    {
        var theirs = TestBlocks.Chain(Rules, 2, "theirs");
        var orphan = await Chain.SubmitBlockAsync(theirs[2]);
        await Chain.OfferChainAsync([.. TestBlocks.Chain(Rules, 3, "ours")]);

        var behind = await Chain.SubmitBlockAsync(theirs[2]);

        Assert.Equal(ChainUpdateStatus.Orphan, orphan.Status);
        Assert.Equal(ChainUpdateStatus.Ignored, behind.Status);
        Assert.Contains("does not win the fork choice", behind.Reason);
    }

    [Fact]
    public async Task Of_two_equal_length_chains_the_lower_tip_hash_wins_whichever_came_first()
    {
        var a = TestBlocks.Chain(Rules, 2, "a");
        var b = TestBlocks.Chain(Rules, 2, "b");
        var (winner, loser) = string.CompareOrdinal(a[^1].Hash, b[^1].Hash) < 0 ? (a, b) : (b, a);
        var other = fixture.Grains.GetGrain<IChainGrain>(ClusterFixture.NewKey());

        await Chain.OfferChainAsync([.. loser]);
        var switched = await Chain.OfferChainAsync([.. winner]);
        await other.OfferChainAsync([.. winner]);
        var kept = await other.OfferChainAsync([.. loser]);

        Assert.Equal(ChainUpdateStatus.Reorganised, switched.Status);
        Assert.Equal(ChainUpdateStatus.Ignored, kept.Status);
        Assert.Equal(winner[^1].Hash, (await Chain.GetSummaryAsync()).TipHash);
        Assert.Equal(winner[^1].Hash, (await other.GetSummaryAsync()).TipHash);
        Assert.Equal(loser.Skip(1).SelectMany(x => x.Messages).Select(m => m.Id).Order(), (await Pool.GetMessagesAsync()).Select(m => m.Id).Order());
    }

    [Fact]
    public async Task A_competing_block_at_our_height_with_a_lower_hash_replaces_our_tip()
    {
        var shared = TestBlocks.Chain(Rules, 1, "shared");
        var x = TestBlocks.Extend(shared, 1, "x")[^1];
        var y = TestBlocks.Extend(shared, 1, "y")[^1];
        var (low, high) = string.CompareOrdinal(x.Hash, y.Hash) < 0 ? (x, y) : (y, x);
        await Chain.OfferChainAsync([.. shared, high]);

        var update = await Chain.SubmitBlockAsync(low);

        Assert.Equal(ChainUpdateStatus.Reorganised, update.Status);
        Assert.Equal(low.Hash, (await Chain.GetSummaryAsync()).TipHash);
        Assert.Equal(ChainUpdateStatus.Ignored, (await Chain.SubmitBlockAsync(high)).Status);
    }

    [Fact]
    public async Task A_longer_fork_replaces_ours_and_the_dropped_messages_go_back_to_the_pool()
    {
        var shared = TestBlocks.Chain(Rules, 1, "shared");
        var ours = TestBlocks.Extend(shared, 2, "ours");
        var pending = TestBlocks.NewMessage("pending");
        var theirs = shared.ToList();
        theirs.Add(TestBlocks.Mine(theirs[^1], [ours[2].Messages[0], pending]));
        theirs = TestBlocks.Extend(theirs, 2, "theirs");
        Assert.Equal(ChainUpdateStatus.Appended, (await Chain.OfferChainAsync([.. ours])).Status);
        await Pool.AddAsync(pending);

        var update = await Chain.OfferChainAsync([.. theirs.Skip(2)]);

        Assert.Equal(ChainUpdateStatus.Reorganised, update.Status);
        Assert.Equal(2, update.DroppedBlocks);
        Assert.Equal(theirs.Select(b => b.Hash), (await Chain.GetBlocksAsync()).Select(b => b.Hash));
        Assert.Equal([ours[3].Messages[0].Id], (await Pool.GetMessagesAsync()).Select(m => m.Id));
    }

    [Fact]
    public async Task A_shorter_chain_is_ignored_and_an_invalid_one_rejected()
    {
        var ours = TestBlocks.Chain(Rules, 2, "ours");
        await Chain.OfferChainAsync([.. ours]);

        var shorter = await Chain.OfferChainAsync([.. TestBlocks.Chain(Rules, 1, "shorter")]);
        var longer = TestBlocks.Chain(Rules, 3, "invalid");
        longer[3] = longer[3] with { Nonce = longer[3].Nonce + 1 };
        var invalid = await Chain.OfferChainAsync([.. longer]);

        Assert.Equal(ChainUpdateStatus.Ignored, shorter.Status);
        Assert.Equal(ChainUpdateStatus.Rejected, invalid.Status);
        Assert.Equal(ours.Select(b => b.Hash), (await Chain.GetBlocksAsync()).Select(b => b.Hash));
    }

    [Fact]
    public async Task Blocks_that_do_not_connect_are_ignored_with_a_hint()
    {
        await Chain.OfferChainAsync([.. TestBlocks.Chain(Rules, 1, "ours")]);
        var theirs = TestBlocks.Chain(Rules, 3, "theirs");

        var update = await Chain.OfferChainAsync([.. theirs.Skip(2)]);

        Assert.Equal(ChainUpdateStatus.Ignored, update.Status);
        Assert.Contains("do not connect", update.Reason);
    }

    [Fact]
    public async Task Receipts_say_pending_in_block_with_confirmations_or_unknown()
    {
        var first = TestBlocks.NewMessage("first");
        var pending = TestBlocks.NewMessage("pending");
        var chain = TestBlocks.Extend([Rules.Genesis, TestBlocks.Mine(Rules.Genesis, [first])], 2);
        await Chain.OfferChainAsync([.. chain]);
        await Pool.AddAsync(pending);

        var inBlock = await Chain.GetReceiptAsync(first.Id);

        Assert.Equal(new MessageReceipt(first.Id, MessageStatus.InBlock, 1, chain[1].Hash, 3), inBlock);
        Assert.Equal(MessageStatus.Pending, (await Chain.GetReceiptAsync(pending.Id)).Status);
        Assert.Equal(MessageStatus.Unknown, (await Chain.GetReceiptAsync(Guid.NewGuid())).Status);
        Assert.Equal([pending.Id], await Chain.WithoutRecordedAsync([first.Id, pending.Id]));
    }

    [Fact]
    public async Task The_mining_template_skips_pool_messages_the_chain_already_holds()
    {
        var recorded = TestBlocks.NewMessage("recorded");
        var fresh = TestBlocks.NewMessage("fresh");
        await Chain.OfferChainAsync([Rules.Genesis, TestBlocks.Mine(Rules.Genesis, [recorded])]);
        await Pool.AddRangeAsync([recorded, fresh]);

        var template = await Chain.GetMiningTemplateAsync(10);

        Assert.Equal([fresh], template!.Messages);
        Assert.Equal(1, template.Tip.Index);
    }

    [Fact]
    public async Task Every_silo_gets_the_same_block_with_its_own_nonce_range_until_the_tip_changes()
    {
        var message = TestBlocks.NewMessage();
        await Pool.AddAsync(message);

        var first = (await Chain.GetMiningTemplateAsync(10))!;
        var second = (await Chain.GetMiningTemplateAsync(10))!;

        Assert.Equal((first.Tip.Hash, first.Timestamp), (second.Tip.Hash, second.Timestamp));
        Assert.Equal(first.Messages, second.Messages);
        Assert.True(first.NonceStart + first.NonceCount <= second.NonceStart || second.NonceStart + second.NonceCount <= first.NonceStart);

        await Chain.SubmitBlockAsync(TestBlocks.Mine(Rules.Genesis, [message]));
        await Pool.AddAsync(TestBlocks.NewMessage("next"));
        var next = (await Chain.GetMiningTemplateAsync(10))!;

        Assert.Equal(1, next.Tip.Index);
        Assert.Equal(0UL, next.NonceStart);
    }
}
