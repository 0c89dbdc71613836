namespace Orleans.Blockchain.Chain;

/// <summary>What the fork choice needs of a chain: its length (genesis included) and the hash of its tip.</summary>
public readonly record struct ChainTip(long Length, string Hash)
{
    public static ChainTip Of(Block tip) => new(tip.Index + 1, tip.Hash);
}
