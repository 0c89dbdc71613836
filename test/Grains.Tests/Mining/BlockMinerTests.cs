using System.Collections.Concurrent;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Tests.Mining;

public sealed class BlockMinerTests
{
    private static readonly ChainRules Rules = new(2);

    [Fact]
    public async Task The_search_covers_exactly_the_templates_nonce_range_and_ends_when_it_is_spent()
    {
        var searcher = new RecordingSearcher(solution: null);
        const ulong start = 7UL << 40;
        const ulong count = (BlockMiner.ChunkSize * 3) + 100;

        var block = await new BlockMiner(searcher).MineAsync(Template(start, count), threadCount: 2, CancellationToken.None);

        Assert.Null(block);
        var ranges = searcher.Ranges.OrderBy(r => r.Start).ToList();
        Assert.Equal(start, ranges[0].Start);
        Assert.All(ranges.Zip(ranges.Skip(1)), pair => Assert.Equal(pair.First.Start + pair.First.Count, pair.Second.Start));
        Assert.Equal(start + count, ranges[^1].Start + ranges[^1].Count);
    }

    [Fact]
    public async Task A_found_nonce_makes_the_templates_block_with_its_hash()
    {
        var template = Template(1UL << 40, 1UL << 40);
        var nonce = template.NonceStart + 12_345;

        var block = await new BlockMiner(new RecordingSearcher(nonce)).MineAsync(template, threadCount: 1, CancellationToken.None);

        Assert.NotNull(block);
        Assert.Equal((nonce, template.Timestamp, template.Tip.Hash), (block.Nonce, block.Timestamp, block.PreviousHash));
        Assert.Equal(BlockHeader.ComputeHash(block), block.Hash);
    }

    private static MiningTemplate Template(ulong start, ulong count) =>
        new(Rules.Genesis, [TestBlocks.NewMessage()], Rules.Difficulty, Rules.Genesis.Timestamp.AddSeconds(1), start, count);

    /// <summary>Never solves (or solves at one nonce) and records every range it was asked to try.</summary>
    private sealed class RecordingSearcher(ulong? solution) : INonceSearcher
    {
        public ConcurrentBag<(ulong Start, uint Count)> Ranges { get; } = [];

        public ulong? Search(ReadOnlySpan<byte> header, int difficulty, ulong start, uint count)
        {
            Ranges.Add((start, count));
            return solution is { } n && n >= start && n < start + count ? n : null;
        }
    }
}
