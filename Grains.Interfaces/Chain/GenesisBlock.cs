namespace Orleans.Blockchain.Chain;

/// <summary>The fixed first block of a network. It carries no messages and needs no proof of work:
/// nobody mines it, every miner of a network builds the same one from the difficulty.</summary>
public static class GenesisBlock
{
    public static readonly DateTimeOffset Timestamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly string PreviousHash = new('0', 64);

    public static Block Create(int difficulty)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(difficulty);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, ProofOfWork.MaxDifficulty);
        var block = new Block(0, Timestamp, [], PreviousHash, difficulty, 0, Hash: "");
        return block with { Hash = BlockHeader.ComputeHash(block) };
    }
}
