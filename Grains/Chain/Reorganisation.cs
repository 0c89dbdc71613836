using System.Collections.Immutable;

namespace Orleans.Blockchain.Chain;

/// <summary>
/// What replacing our chain with a longer one means for the pool: the messages of our dropped blocks
/// that the new blocks lack go back to it (so nothing accepted is lost), and the messages the new blocks
/// hold leave it (so nothing is recorded twice).
/// </summary>
/// <param name="ForkHeight">The first height where the chains differ; the block below it is shared.</param>
/// <param name="Dropped">Our blocks from the fork height on.</param>
/// <param name="Added">The new blocks from the fork height on.</param>
public sealed record Reorganisation(long ForkHeight, IReadOnlyList<Block> Dropped, IReadOnlyList<Block> Added)
{
    /// <summary>Messages of the dropped blocks that the added ones do not hold, in their old order.</summary>
    public ImmutableArray<Message> ReturnToPool { get; } = Returned(Dropped, Added);

    /// <summary>Ids of every message the added blocks hold.</summary>
    public ImmutableArray<Guid> RemoveFromPool { get; } = [.. Added.SelectMany(b => b.Messages).Select(m => m.Id)];

    /// <summary>Plans the change from <paramref name="current"/> to <paramref name="candidate"/>, both from genesis.</summary>
    public static Reorganisation Plan(IReadOnlyList<Block> current, IReadOnlyList<Block> candidate)
    {
        var fork = (int)FindFork(current, 0, candidate);
        return new Reorganisation(fork, current.Skip(fork).ToList(), candidate.Skip(fork).ToList());
    }

    /// <summary>The first height from <paramref name="start"/> on where <paramref name="current"/> (blocks or headers,
    /// from genesis) and <paramref name="offered"/> (blocks from <paramref name="start"/> on) differ.</summary>
    public static long FindFork(IReadOnlyList<Block> current, long start, IReadOnlyList<Block> offered)
    {
        var fork = start;
        while (fork < current.Count && fork - start < offered.Count && current[(int)fork].Hash == offered[(int)(fork - start)].Hash)
        {
            fork++;
        }

        return fork;
    }

    private static ImmutableArray<Message> Returned(IReadOnlyList<Block> dropped, IReadOnlyList<Block> added)
    {
        var kept = added.SelectMany(b => b.Messages).Select(m => m.Id).ToHashSet();
        return [.. dropped.SelectMany(b => b.Messages).Where(m => !kept.Contains(m.Id))];
    }
}
