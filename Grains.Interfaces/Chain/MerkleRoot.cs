using System.Buffers.Binary;
using System.Text;

namespace Orleans.Blockchain.Chain;

/// <summary>
/// The commitment of a header to its messages: the RFC 6962 Merkle tree (<see cref="MerkleTree"/>) over one leaf per
/// message, whose data is id as 16 big-endian bytes ‖ acceptedAt as int64 big-endian Unix ms ‖ UTF-8 text; so the
/// leaf hash is SHA-256(0x00 ‖ that data). The prefixes keep leaves and nodes from being confused.
/// </summary>
public static class MerkleRoot
{
    public static void Compute(IReadOnlyList<Message> messages, Span<byte> root) => Compute(messages).CopyTo(root);

    public static byte[] Compute(IReadOnlyList<Message> messages) => MerkleTree.Root(LeafHashes(messages));

    /// <summary>The leaf hash of every message, in block order.</summary>
    public static byte[][] LeafHashes(IReadOnlyList<Message> messages)
    {
        var leaves = new byte[messages.Count][];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = LeafHash(messages[i]);
        }

        return leaves;
    }

    public static byte[] LeafHash(Message message) => MerkleTree.HashLeaf(LeafData(message));

    /// <summary>The bytes a message's leaf hashes (after the 0x00 prefix).</summary>
    public static byte[] LeafData(Message message)
    {
        var text = Encoding.UTF8.GetBytes(message.Text);
        var data = new byte[16 + 8 + text.Length];
        message.Id.TryWriteBytes(data.AsSpan(0, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(16, 8), message.AcceptedAt.ToUnixTimeMilliseconds());
        text.CopyTo(data.AsSpan(24));
        return data;
    }
}
