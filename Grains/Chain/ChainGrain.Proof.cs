using Orleans.Blockchain.Proofs;

namespace Orleans.Blockchain.Chain;

/// <summary>Inclusion proofs: a read, interleaved like the other reads, from one consistent view of the chain.</summary>
public sealed partial class ChainGrain
{
    public Task<MessageProof?> GetProofAsync(Guid messageId) =>
        Task.FromResult(_chain.HeightOf(messageId) is { } height
            ? MessageProof.Create([.. _chain.Blocks.Skip((int)height)], messageId, _chain.Blocks[0])
            : null);
}
