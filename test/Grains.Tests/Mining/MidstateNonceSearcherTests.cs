using Microsoft.Extensions.DependencyInjection;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Tests.Mining;

/// <summary>The fast searcher must return exactly what the plain one returns: the first nonce that meets the difficulty.</summary>
public class MidstateNonceSearcherTests
{
    private static readonly Sha256NonceSearcher Reference = new();

    public static TheoryData<Sha256Lanes> Paths() => MidstateHashTests.Paths();

    [Theory]
    [MemberData(nameof(Paths))]
    public void Finds_the_same_nonce_as_the_plain_searcher(Sha256Lanes lanes)
    {
        var searcher = new MidstateNonceSearcher(lanes);
        var random = new Random(61);
        for (var difficulty = 1; difficulty <= 4; difficulty++)
        {
            // Enough nonces to usually find one at this difficulty, and sometimes not; some ranges cross a high-word
            // boundary (and 2^64), where the template changes mid-range.
            var count = (uint)(Math.Pow(16, difficulty) * 1.3) + 3;
            ulong[] crossing = [(1UL << 32) - (count / 2), (9UL << 32) - 1, ulong.MaxValue - (count / 3)];
            ulong[] starts = difficulty < 4 ? [0, (ulong)random.NextInt64(), .. crossing] : crossing;
            foreach (var start in starts)
            {
                var header = new byte[BlockHeader.Size];
                random.NextBytes(header);

                Assert.Equal(Reference.Search(header, difficulty, start, count), searcher.Search(header, difficulty, start, count));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Short_ranges_and_odd_counts_agree(Sha256Lanes lanes)
    {
        var searcher = new MidstateNonceSearcher(lanes);
        var random = new Random(62);
        for (var i = 0; i < 40; i++)
        {
            var header = new byte[BlockHeader.Size];
            random.NextBytes(header);
            var count = (uint)random.Next(1, 70);
            var start = i % 2 == 0 ? (ulong)random.NextInt64() : (((ulong)random.Next() << 32) - (ulong)random.Next(0, 40));

            Assert.Equal(Reference.Search(header, 1, start, count), searcher.Search(header, 1, start, count));
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Difficulty_zero_returns_the_start_and_an_empty_range_returns_nothing(Sha256Lanes lanes)
    {
        var searcher = new MidstateNonceSearcher(lanes);
        var header = new byte[BlockHeader.Size];

        Assert.Equal(12345ul, searcher.Search(header, 0, 12345, 10));
        Assert.Equal(ulong.MaxValue, searcher.Search(header, 0, ulong.MaxValue, 1));
        Assert.Null(searcher.Search(header, 0, 12345, 0));
        Assert.Null(searcher.Search(header, 3, 12345, 0));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_difficulty_beyond_the_first_word_is_confirmed_in_full(Sha256Lanes lanes)
    {
        var header = new byte[BlockHeader.Size];
        new Random(63).NextBytes(header);

        Assert.Null(new MidstateNonceSearcher(lanes).Search(header, 9, 1000, 5000));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Candidates_that_fail_confirmation_do_not_stop_the_search(Sha256Lanes lanes)
    {
        // A looser filter than the difficulty lets through lanes that the exact check must turn down.
        var searcher = new MidstateNonceSearcher(lanes);
        var random = new Random(64);
        foreach (var mask in new[] { 0u, MidstateNonceSearcher.FirstWordMask(1), MidstateNonceSearcher.FirstWordMask(2) })
        {
            var header = new byte[BlockHeader.Size];
            random.NextBytes(header);
            var start = (1UL << 32) - 300;

            Assert.Equal(Reference.Search(header, 3, start, 3000), searcher.SearchFiltered(header, 3, start, 3000, mask));
        }
    }

    [Fact]
    public void A_short_header_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MidstateNonceSearcher().Search(new byte[BlockHeader.Size - 1], 1, 0, 1));

    [Fact]
    public void Dependency_injection_uses_the_parameterless_constructor()
    {
        using var services = new ServiceCollection().AddSingleton<INonceSearcher, MidstateNonceSearcher>().BuildServiceProvider();

        var searcher = Assert.IsType<MidstateNonceSearcher>(services.GetRequiredService<INonceSearcher>());
        Assert.Equal(MidstateNonceSearcher.Widest, searcher.Lanes);
    }
}
