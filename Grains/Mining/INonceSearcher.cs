namespace Orleans.Blockchain.Mining;

/// <summary>The hashing behind mining, kept behind one small interface so a faster kernel can replace it.</summary>
public interface INonceSearcher
{
    /// <summary>Tries the nonces <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1
    /// in a 96-byte <c>BlockHeader</c> and returns the first whose SHA-256 has <paramref name="difficulty"/>
    /// leading zero hex digits, or null. <paramref name="header"/> is not modified.</summary>
    ulong? Search(ReadOnlySpan<byte> header, int difficulty, ulong start, uint count);
}
