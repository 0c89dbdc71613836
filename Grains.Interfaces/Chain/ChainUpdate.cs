namespace Orleans.Blockchain.Chain;

/// <summary>The answer to an offered block or chain.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Reason">Why it was ignored or rejected; null when it was taken.</param>
/// <param name="Height">The miner's height afterwards.</param>
/// <param name="DroppedBlocks">How many of our blocks a reorganisation replaced.</param>
[GenerateSerializer, Immutable, Alias("ChainUpdate")]
public sealed record ChainUpdate(
    [property: Id(0)] ChainUpdateStatus Status,
    [property: Id(1)] string? Reason,
    [property: Id(2)] long Height,
    [property: Id(3)] int DroppedBlocks = 0)
{
    public bool IsTaken => Status is ChainUpdateStatus.Appended or ChainUpdateStatus.Reorganised;
}
