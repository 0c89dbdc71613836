using System.Collections.Immutable;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Proofs;

/// <summary>
/// A self-contained proof that a message is in a block of a chain (<c>GET /messages/{id}/proof</c>): the message,
/// its leaf in the block's RFC 6962 Merkle tree with the audit path to the messages root, the headers from the
/// message's block (first) to the tip (last), and the network's genesis hash and difficulty. Anyone can check it
/// offline with <see cref="ProofVerifier"/>: nothing in it needs to be trusted.
/// </summary>
/// <param name="Message">The message as recorded.</param>
/// <param name="LeafIndex">Its position among the block's messages (0-based).</param>
/// <param name="LeafCount">How many messages the block holds.</param>
/// <param name="AuditPath">The sibling hashes from the message's leaf up to the root, lowest first (RFC 9162 §2.1.3).</param>
/// <param name="Headers">Block headers from the message's block to the tip, in order.</param>
/// <param name="GenesisHash">The hash of the network's genesis block (fixed by the difficulty).</param>
/// <param name="Difficulty">Leading zero hex digits every block hash of the network must have.</param>
[GenerateSerializer, Immutable, Alias("MessageProof")]
public sealed record MessageProof(
    [property: Id(0)] Message Message,
    [property: Id(1)] int LeafIndex,
    [property: Id(2)] int LeafCount,
    [property: Id(3)] ImmutableArray<string> AuditPath,
    [property: Id(4)] ImmutableArray<ProvenHeader> Headers,
    [property: Id(5)] string GenesisHash,
    [property: Id(6)] int Difficulty)
{
    /// <summary>The proof for message <paramref name="messageId"/> of <c>blocks[0]</c>, where <paramref name="blocks"/>
    /// run from that block to the tip of a chain that starts with <paramref name="genesis"/>.</summary>
    public static MessageProof Create(IReadOnlyList<Block> blocks, Guid messageId, Block genesis)
    {
        var block = blocks[0];
        var leafIndex = Enumerable.Range(0, block.Messages.Length).First(i => block.Messages[i].Id == messageId);
        var path = MerkleTree.AuditPath(MerkleRoot.LeafHashes(block.Messages), leafIndex);
        return new MessageProof(
            block.Messages[leafIndex], leafIndex, block.Messages.Length, [.. path.Select(Convert.ToHexStringLower)],
            [.. blocks.Select(ProvenHeader.Of)], genesis.Hash, genesis.Difficulty);
    }
}
