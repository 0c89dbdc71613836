using System.Security.Cryptography;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Proofs;

/// <summary>Every field of one block's 96-byte header (<see cref="BlockHeader"/>) and the hash the miner stated for
/// it: enough to recompute the hash without the block's messages.</summary>
[GenerateSerializer, Immutable, Alias("ProvenHeader")]
public sealed record ProvenHeader(
    [property: Id(0)] long Index,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] string PreviousHash,
    [property: Id(3)] string MessagesRoot,
    [property: Id(4)] uint Version,
    [property: Id(5)] int Difficulty,
    [property: Id(6)] ulong Nonce,
    [property: Id(7)] string Hash)
{
    public static ProvenHeader Of(Block block) => new(
        block.Index, block.Timestamp, block.PreviousHash, Convert.ToHexStringLower(MerkleRoot.Compute(block.Messages)),
        BlockHeader.Version, block.Difficulty, block.Nonce, block.Hash);

    /// <summary>SHA-256 over the header these fields encode, as lowercase hex; null when a field cannot be encoded
    /// (a hash that is not 64 hex digits).</summary>
    public string? ComputeHash()
    {
        if (!IsHash(PreviousHash) || !IsHash(MessagesRoot))
        {
            return null;
        }

        Span<byte> header = stackalloc byte[BlockHeader.Size];
        BlockHeader.Write(header, Version, Index, Timestamp, Convert.FromHexString(MessagesRoot), PreviousHash, Difficulty, Nonce);
        return Convert.ToHexStringLower(SHA256.HashData(header));
    }

    /// <summary>64 lowercase hex digits, as every hash of this system is written.</summary>
    public static bool IsHash(string? value) =>
        value is { Length: 64 } && value.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;
}
