using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Blockchain.Chain;

/// <summary>
/// The commitment of a header to its messages: a Merkle tree as in RFC 6962 (certificate transparency).
/// A leaf is SHA-256(0x00 ‖ id as 16 big-endian bytes ‖ acceptedAt as int64 big-endian Unix ms ‖ UTF-8 text),
/// an inner node SHA-256(0x01 ‖ left ‖ right), the split at the largest power of two below the count;
/// no messages give SHA-256 of nothing. The prefixes keep leaves and nodes from being confused.
/// </summary>
public static class MerkleRoot
{
    public static void Compute(IReadOnlyList<Message> messages, Span<byte> root)
    {
        var leaves = new byte[messages.Count][];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = LeafHash(messages[i]);
        }

        Compute(leaves, root);
    }

    public static byte[] Compute(IReadOnlyList<Message> messages)
    {
        var root = new byte[32];
        Compute(messages, root);
        return root;
    }

    private static void Compute(ReadOnlySpan<byte[]> leaves, Span<byte> root)
    {
        switch (leaves.Length)
        {
            case 0:
                SHA256.HashData([], root);
                return;
            case 1:
                leaves[0].CopyTo(root);
                return;
        }

        var split = 1;
        while (split * 2 < leaves.Length)
        {
            split *= 2;
        }

        Span<byte> node = stackalloc byte[65];
        node[0] = 0x01;
        Compute(leaves[..split], node[1..33]);
        Compute(leaves[split..], node[33..65]);
        SHA256.HashData(node, root);
    }

    private static byte[] LeafHash(Message message)
    {
        var text = Encoding.UTF8.GetBytes(message.Text);
        var leaf = new byte[1 + 16 + 8 + text.Length];
        leaf[0] = 0x00;
        message.Id.TryWriteBytes(leaf.AsSpan(1, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(leaf.AsSpan(17, 8), message.AcceptedAt.ToUnixTimeMilliseconds());
        text.CopyTo(leaf.AsSpan(25));
        return SHA256.HashData(leaf);
    }
}
