using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Tests.Chain;

public class ForkChoiceTests
{
    private static readonly string Low = "0001" + new string('a', 60);
    private static readonly string High = "0002" + new string('a', 60);

    [Theory]
    [InlineData(5, 6, true)]
    [InlineData(6, 5, false)]
    public void The_longer_chain_wins_whatever_the_hashes(long current, long candidate, bool adopt)
    {
        Assert.Equal(adopt, ForkChoice.Prefers(new ChainTip(candidate, High), new ChainTip(current, Low)));
        Assert.Equal(adopt, ForkChoice.Prefers(new ChainTip(candidate, Low), new ChainTip(current, High)));
    }

    [Fact]
    public void On_equal_length_the_lower_tip_hash_wins()
    {
        Assert.True(ForkChoice.Prefers(new ChainTip(5, Low), new ChainTip(5, High)));
        Assert.False(ForkChoice.Prefers(new ChainTip(5, High), new ChainTip(5, Low)));
    }

    [Fact]
    public void The_same_tip_is_never_preferred_to_itself() =>
        Assert.False(ForkChoice.Prefers(new ChainTip(5, Low), new ChainTip(5, Low)));

    // Tips drawn from few lengths and few hashes, so that ties and equal tips come up often.
    private static Gen<ChainTip> TipGen() => Gen.Choose(1, 4)
        .SelectMany(length => Gen.Elements(Low, High, new string('f', 64), new string('0', 64)).Select(hash => new ChainTip(length, hash)));

    private static Arbitrary<ChainTip> Tips() => TipGen().ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Exactly_one_of_two_different_tips_is_preferred() =>
        Prop.ForAll(Tips(), Tips(), (a, b) => a == b
            ? !ForkChoice.Prefers(a, b) && !ForkChoice.Prefers(b, a)
            : ForkChoice.Prefers(a, b) ^ ForkChoice.Prefers(b, a));

    [Property(MaxTest = 300)]
    public Property Preference_is_transitive() =>
        Prop.ForAll(Tips(), Tips(), Tips(), (a, b, c) =>
            !(ForkChoice.Prefers(a, b) && ForkChoice.Prefers(b, c)) || ForkChoice.Prefers(a, c));

    [Property(MaxTest = 100)]
    public Property Every_miner_picks_the_same_best_tip_whatever_order_it_hears_them_in() =>
        Prop.ForAll(Gen.ArrayOf(TipGen()).ToArbitrary(), tips =>
        {
            if (tips.Length == 0)
            {
                return true;
            }

            // A miner keeps its tip unless a tip it hears is preferred: the order must not matter.
            static ChainTip Hear(IEnumerable<ChainTip> order) => order.Aggregate((kept, heard) => ForkChoice.Prefers(heard, kept) ? heard : kept);
            return Hear(tips) == Hear(tips.Reverse()) && Hear(tips) == Hear(tips.OrderBy(t => t.Hash, StringComparer.Ordinal));
        });
}
