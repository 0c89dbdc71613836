using Orleans.Blockchain.Proofs;

namespace Orleans.Blockchain.Chain;

/// <summary>Inclusion proofs: a read, interleaved like the other reads, from one consistent view of the chain.</summary>
public sealed partial class ChainGrain
{
    /// <summary>Memory holds headers only: the message's block and those above it are read whole from the store (each
    /// header's messages root is recomputed from its messages).</summary>
    public async Task<MessageProof?> GetProofAsync(Guid messageId)
    {
        if (_chain.HeightOf(messageId) is not { } height)
        {
            return null;
        }

        var blocks = await Store.ReadAsync(height, (int)(_chain.Length - height));
        return blocks.Count > 0 && blocks[0].Messages.Any(m => m.Id == messageId) ? MessageProof.Create(blocks, messageId, _chain.Blocks[0]) : null;
    }
}
