namespace Orleans.Blockchain.Chain;

/// <summary>
/// Which of two valid chains a miner keeps: a total order that every miner computes alike from the chains alone.
/// <list type="number">
/// <item>Most work wins. Every block of a network has the network's difficulty, so that is the longer chain.</item>
/// <item>On equal work, the chain whose tip hash is lower (ordinal, as lowercase hex) wins.</item>
/// </list>
/// Why the tie-break: blocks are mined only while messages are pending, so two miners fed messages alternately each
/// mine their own blocks and can end on equal-length chains once traffic stops. "Keep the chain seen first" would then
/// keep them apart forever; a rule that depends only on the chains makes both pick the same one, the loser's
/// messages go back to its pool and are mined on top, and the network converges. The tip hash is a fair coin (it is
/// a SHA-256 output) that no miner can choose without redoing the work.
/// </summary>
public static class ForkChoice
{
    /// <summary>Whether a miner holding <paramref name="current"/> should switch to <paramref name="candidate"/>.</summary>
    public static bool Prefers(ChainTip candidate, ChainTip current) => Compare(candidate, current) > 0;

    /// <summary>Positive when <paramref name="a"/> is the better chain, negative when <paramref name="b"/> is, zero for
    /// the same tip.</summary>
    public static int Compare(ChainTip a, ChainTip b)
    {
        var byWork = a.Length.CompareTo(b.Length);
        return byWork != 0 ? byWork : string.CompareOrdinal(b.Hash, a.Hash);
    }
}
