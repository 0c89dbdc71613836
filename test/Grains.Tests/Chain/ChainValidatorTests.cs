using Microsoft.Extensions.Time.Testing;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Tests.Chain;

/// <summary>One valid chain, then one broken copy per rule: each must fail with its own reason.</summary>
public class ChainValidatorTests
{
    private static readonly ChainRules Rules = new(Difficulty: 2, MaxMessagesPerBlock: 3, MaxMessageLength: 10, MaxBlockTextBytes: 20);
    private readonly ChainValidator _validator = new(Rules, TimeProvider.System);
    private readonly List<Block> _chain = TestBlocks.Chain(Rules, 3);

    [Fact]
    public void A_mined_chain_is_valid() => Assert.True(_validator.ValidateChain(_chain).IsValid);

    [Fact]
    public void Empty_chain() => AssertInvalid([], "empty");

    [Fact]
    public void Other_genesis() => AssertInvalid([GenesisBlock.Create(3), .. _chain.Skip(1)], "genesis");

    [Fact]
    public void Index_skips() => AssertInvalid(Replace(2, b => TestBlocks.Solve(b with { Index = 3 })), "index");

    [Fact]
    public void Previous_hash_does_not_link() =>
        AssertInvalid(Replace(2, b => TestBlocks.Solve(b with { PreviousHash = new string('0', 64) })), "previous hash");

    [Fact]
    public void Hash_is_not_the_content_hash()
    {
        var block = _chain[3];
        var forged = block with { Messages = [TestBlocks.NewMessage("forged")] }; // a valid message, not the one mined
        AssertInvalid(Replace(3, _ => forged), "hash does not match");
    }

    [Fact]
    public void Hash_does_not_meet_the_difficulty()
    {
        var weak = Enumerable.Range(0, 1000).Select(n => _chain[3] with { Nonce = (ulong)n })
            .Select(b => b with { Hash = BlockHeader.ComputeHash(b) })
            .First(b => !b.Hash.StartsWith("00", StringComparison.Ordinal));
        AssertInvalid(Replace(3, _ => weak), "leading zero");
    }

    [Fact]
    public void Difficulty_is_not_the_networks() => AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Difficulty = 1 })), "difficulty");

    [Fact]
    public void Timestamp_goes_back() =>
        AssertInvalid(Replace(1, b => TestBlocks.Solve(b with { Timestamp = Rules.Genesis.Timestamp.AddMilliseconds(-1) })), "earlier");

    [Fact]
    public void Timestamp_far_in_the_future()
    {
        var clock = new FakeTimeProvider(TestBlocks.Now());
        var validator = new ChainValidator(Rules, clock);
        var late = TestBlocks.Mine(_chain[^1], [TestBlocks.NewMessage()], timestamp: clock.GetUtcNow() + TimeSpan.FromMinutes(3));

        Assert.Contains("future", validator.ValidateChain([.. _chain, late]).Reason);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(validator.ValidateChain([.. _chain, late]).IsValid);
    }

    [Fact]
    public void Timestamp_not_in_whole_milliseconds() =>
        AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Timestamp = b.Timestamp.AddTicks(1) })), "milliseconds");

    [Fact]
    public void Block_without_messages() => AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = [] })), "at least one message");

    [Fact]
    public void Too_many_messages() =>
        AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = [.. Enumerable.Range(0, 4).Select(i => TestBlocks.NewMessage($"{i}"))] })), "exceed the limit of 3");

    [Fact]
    public void Message_too_long() =>
        AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = [TestBlocks.NewMessage(new string('x', 11))] })), "at most 10 are allowed");

    [Fact]
    public void Message_whose_text_was_swapped_under_its_id() =>
        AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = [b.Messages[0] with { Text = "swapped" }] })), "id does not match its content");

    [Fact]
    public void Empty_message() => AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = [TestBlocks.NewMessage(" ")] })), "empty");

    [Theory]
    [InlineData("a\u001bb", "U+001B")]
    [InlineData("a\u202Eb", "U+202E")]
    [InlineData("\u200B", "U+200B")]
    [InlineData("\t\n", "no visible character")]
    public void Message_with_a_control_or_format_character_or_nothing_visible(string text, string reason) =>
        AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = [TestBlocks.NewMessage(text)] })), reason);

    [Fact]
    public void Message_with_a_lone_surrogate() => // built at run time: an attribute cannot hold invalid UTF-16
        AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = [TestBlocks.NewMessage(new string([(char)0xD800, 'x']))] })), "lone surrogate");

    [Fact]
    public void Tab_and_newline_are_the_control_characters_a_message_may_hold() =>
        Assert.True(_validator.ValidateChain([.. _chain, TestBlocks.Mine(_chain[^1], [TestBlocks.NewMessage("a\tb\nc")])]).IsValid);

    [Fact]
    public void Block_text_too_large() =>
        AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = [.. Enumerable.Range(0, 3).Select(i => TestBlocks.NewMessage($"ééééé{i}"))] })), "bytes of text");

    [Fact]
    public void Message_twice_in_one_block()
    {
        var message = TestBlocks.NewMessage();
        AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = [message, message] })), "already in the chain");
    }

    [Fact]
    public void Message_again_in_a_later_block() =>
        AssertInvalid(Replace(3, b => TestBlocks.Solve(b with { Messages = _chain[1].Messages })), "already in the chain");

    [Fact]
    public void Malformed_previous_hash() => AssertInvalid(Replace(3, b => b with { PreviousHash = "xyz" }), "64 lowercase hex digits");

    [Fact]
    public void The_first_broken_block_is_named()
    {
        var result = _validator.ValidateChain(Replace(2, b => b with { Nonce = b.Nonce + 1 }));
        Assert.Equal(2, result.FailedHeight);
        Assert.StartsWith("block 2:", result.Reason);
    }

    [Fact]
    public void Missing_message_list() => AssertInvalid(Replace(3, b => b with { Messages = default }), "no message list");

    [Fact]
    public void A_template_fits_the_block_limits_by_count_and_by_bytes()
    {
        var cjk = Enumerable.Range(0, 5).Select(i => TestBlocks.NewMessage($"{i}世界")).ToList(); // 7 bytes each

        Assert.Equal(2, Rules.FitToBlock(cjk).Length); // 3 × 7 bytes would pass the 20-byte limit
        Assert.Equal(3, (Rules with { MaxBlockTextBytes = 1_000 }).FitToBlock(cjk).Length); // at most 3 messages
        Assert.True(_validator.ValidateChain([.. _chain, TestBlocks.Mine(_chain[^1], Rules.FitToBlock(cjk))]).IsValid);
    }

    private List<Block> Replace(int height, Func<Block, Block> change)
    {
        var chain = _chain.ToList();
        chain[height] = change(chain[height]);
        return chain;
    }

    private void AssertInvalid(List<Block> chain, string reason)
    {
        var result = _validator.ValidateChain(chain);
        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Reason);
    }
}
