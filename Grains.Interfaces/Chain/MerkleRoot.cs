namespace Orleans.Blockchain.Chain;

/// <summary>
/// The commitment of a header to its messages: the RFC 6962 Merkle tree (<see cref="MerkleTree"/>) over one leaf per
/// message, whose data is id as 16 big-endian bytes ‖ <see cref="Message.Content"/> (acceptedAt as int64 big-endian
/// Unix ms ‖ UTF-8 text; a signed message has the 0xFF marker, its version, key, time and signature before the text);
/// so the leaf hash is SHA-256(0x00 ‖ that data). The prefixes keep leaves and nodes from being confused.
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
        var content = Message.Content(message.Text, message.AcceptedAt, message.Author);
        var data = new byte[16 + content.Length];
        message.Id.TryWriteBytes(data.AsSpan(0, 16), bigEndian: true, out _);
        content.CopyTo(data, 16);
        return data;
    }
}
