namespace Orleans.Blockchain.Chain;

/// <summary>Difficulty is the number of leading zero hex digits a block hash must have.</summary>
public static class ProofOfWork
{
    /// <summary>The largest difficulty that makes sense: every digit of a SHA-256 hash.</summary>
    public const int MaxDifficulty = 64;

    public static bool Meets(ReadOnlySpan<byte> hash, int difficulty) => LeadingZeroDigits(hash) >= difficulty;

    public static bool Meets(string hexHash, int difficulty) =>
        hexHash.Length >= difficulty && hexHash.AsSpan(0, difficulty).IndexOfAnyExcept('0') < 0;

    public static int LeadingZeroDigits(ReadOnlySpan<byte> hash)
    {
        var digits = 0;
        foreach (var b in hash)
        {
            if (b == 0)
            {
                digits += 2;
                continue;
            }

            return b < 0x10 ? digits + 1 : digits;
        }

        return digits;
    }

    /// <summary>How many hashes a miner expects to try to meet <paramref name="difficulty"/>: 16^difficulty.</summary>
    public static double ExpectedHashes(int difficulty) => Math.Pow(16, difficulty);
}
