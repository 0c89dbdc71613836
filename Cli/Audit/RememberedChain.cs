using System.Collections.Immutable;

namespace Orleans.Blockchain.Cli.Audit;

/// <summary>What an audit remembers of one network: the tip it last saw (<see cref="Height"/>, <see cref="Hash"/>) and
/// the blocks it saw up to it, genesis first, at most <see cref="MaxBlocks"/> (enough to tell where a fork starts).</summary>
internal sealed record RememberedChain(long Height, string Hash, ImmutableArray<RememberedBlock> Blocks, string Gateway, DateTimeOffset CheckedAt)
{
    public const int MaxBlocks = 1_000;

    /// <summary>This chain moved forward to <paramref name="seen"/>, genesis kept, the oldest others dropped past the bound.</summary>
    public RememberedChain MovedTo(IReadOnlyList<RememberedBlock> seen, string gateway, DateTimeOffset at)
    {
        var blocks = Blocks.Concat(seen).DistinctBy(b => b.Height).OrderBy(b => b.Height).ToList();
        var kept = blocks.Count <= MaxBlocks ? blocks : [blocks[0], .. blocks.Skip(blocks.Count - MaxBlocks + 1)];
        return new RememberedChain(kept[^1].Height, kept[^1].Hash, [.. kept], gateway, at);
    }
}
