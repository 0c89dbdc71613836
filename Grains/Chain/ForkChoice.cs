namespace Orleans.Blockchain.Chain;

/// <summary>The longest valid chain wins. All blocks of a network have the same difficulty, so the
/// longest chain is the one with the most work; on a tie a miner keeps its own, so chains never flap.</summary>
public static class ForkChoice
{
    public static bool Prefers(long candidateLength, long currentLength) => candidateLength > currentLength;
}
