using System.Security.Cryptography;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Mining;

/// <summary>The plain searcher: one full <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> per nonce.
/// Slow (two compressions and a call per nonce) but obviously right: the reference the fast kernel is tested against.</summary>
public sealed class Sha256NonceSearcher : INonceSearcher
{
    public ulong? Search(ReadOnlySpan<byte> header, int difficulty, ulong start, uint count)
    {
        Span<byte> work = stackalloc byte[BlockHeader.Size];
        Span<byte> hash = stackalloc byte[32];
        header[..BlockHeader.Size].CopyTo(work);
        for (ulong nonce = start, end = start + count; nonce != end; nonce++)
        {
            BlockHeader.WriteNonce(work, nonce);
            SHA256.HashData(work, hash);
            if (ProofOfWork.Meets(hash, difficulty))
            {
                return nonce;
            }
        }

        return null;
    }
}
