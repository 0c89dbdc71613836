namespace Orleans.Blockchain.Chain;

/// <summary>Where a chain stands: enough for a peer to decide whether to sync.</summary>
/// <param name="Length">Number of blocks, genesis included.</param>
/// <param name="Height">Index of the tip (Length - 1).</param>
/// <param name="TipHash">Hash of the tip.</param>
/// <param name="GenesisHash">Hash of genesis: the network's identity.</param>
/// <param name="Difficulty">Leading zero hex digits every block's hash must have.</param>
[GenerateSerializer, Immutable, Alias("ChainSummary")]
public sealed record ChainSummary(
    [property: Id(0)] long Length,
    [property: Id(1)] long Height,
    [property: Id(2)] string TipHash,
    [property: Id(3)] string GenesisHash,
    [property: Id(4)] int Difficulty);
