using Orleans.Blockchain.Api;

namespace Orleans.Blockchain.Chain;

/// <summary>An upper bound of a block's JSON size, cheap to compute: what bounds a page of the chain (see
/// <see cref="ChainResponse.MaxPageBytes"/>) and what a sync holds.</summary>
public static class BlockSize
{
    private const int PerBlock = 400;
    private const int PerMessage = 120;

    /// <summary>Printable ASCII is written as itself; anything else at most as a 6-byte <c>\uXXXX</c> escape.</summary>
    public static long JsonBytes(Block block) =>
        PerBlock + block.Messages.Sum(m => PerMessage + (long)m.Text.Sum(c => c is >= ' ' and <= '~' ? 1 : 6));
}
