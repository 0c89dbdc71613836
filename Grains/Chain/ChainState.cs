namespace Orleans.Blockchain.Chain;

/// <summary>The persistent state of <see cref="ChainGrain"/>: the blocks, genesis first.</summary>
[GenerateSerializer, Alias("ChainState")]
public sealed class ChainState
{
    [Id(0)]
    public List<Block> Blocks { get; set; } = [];
}
