using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Orleans.Blockchain.Chain;

/// <summary>
/// The canonical, fixed-size byte encoding of a block header; the block hash is SHA-256 over these 96 bytes.
/// <code>
/// offset size field            encoding
///      0   32 previous hash    raw 32 bytes
///     32   32 messages root    raw 32 bytes (<see cref="MerkleRoot"/>)
///     64    4 version          uint32 big-endian, always 1
///     68    8 index            uint64 big-endian
///     76    8 timestamp        int64 big-endian, Unix milliseconds
///     84    4 difficulty       uint32 big-endian
///     88    8 nonce            uint64 big-endian
/// </code>
/// The first 64 bytes fill exactly one SHA-256 block, so a miner compresses them once per template
/// (the midstate) and then pays one compression per nonce for the last block (32 bytes + padding).
/// </summary>
public static class BlockHeader
{
    public const int Size = 96;
    public const int NonceOffset = 88;
    public const uint Version = 1;

    /// <summary>Writes the header of a block with these fields into <paramref name="header"/>.</summary>
    public static void Write(
        Span<byte> header, long index, DateTimeOffset timestamp, ReadOnlySpan<byte> messagesRoot,
        string previousHash, int difficulty, ulong nonce) =>
        Write(header, Version, index, timestamp, messagesRoot, previousHash, difficulty, nonce);

    /// <summary>Writes a header with a stated <paramref name="version"/>: a proof's verifier hashes the version it was
    /// given, so a changed version changes the hash instead of going unnoticed.</summary>
    public static void Write(
        Span<byte> header, uint version, long index, DateTimeOffset timestamp, ReadOnlySpan<byte> messagesRoot,
        string previousHash, int difficulty, ulong nonce)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(header.Length, Size);
        if (Convert.FromHexString(previousHash, header[..32], out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            throw new FormatException("The previous hash must be 64 hex digits.");
        }

        messagesRoot[..32].CopyTo(header[32..64]);
        BinaryPrimitives.WriteUInt32BigEndian(header[64..], version);
        BinaryPrimitives.WriteUInt64BigEndian(header[68..], (ulong)index);
        BinaryPrimitives.WriteInt64BigEndian(header[76..], timestamp.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteUInt32BigEndian(header[84..], (uint)difficulty);
        WriteNonce(header, nonce);
    }

    /// <summary>Writes the header of <paramref name="block"/>, ignoring its stored hash.</summary>
    public static void Write(Span<byte> header, Block block)
    {
        Span<byte> root = stackalloc byte[32];
        MerkleRoot.Compute(block.Messages, root);
        Write(header, block.Index, block.Timestamp, root, block.PreviousHash, block.Difficulty, block.Nonce);
    }

    public static void WriteNonce(Span<byte> header, ulong nonce) =>
        BinaryPrimitives.WriteUInt64BigEndian(header[NonceOffset..], nonce);

    /// <summary>Recomputes a block's hash from its fields, as lowercase hex.</summary>
    public static string ComputeHash(Block block)
    {
        Span<byte> header = stackalloc byte[Size];
        Write(header, block);
        return Convert.ToHexStringLower(SHA256.HashData(header));
    }
}
