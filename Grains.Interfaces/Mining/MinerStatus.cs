using System.Collections.Immutable;

namespace Orleans.Blockchain.Mining;

/// <summary>Who the miner is and what its silos' mining threads are doing.</summary>
[GenerateSerializer, Immutable, Alias("MinerStatus")]
public sealed record MinerStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] ImmutableArray<MiningReport> Silos)
{
    public bool IsMining => Silos.Any(s => s.IsMining);

    public double HashesPerSecond => Silos.Sum(s => s.HashesPerSecond);
}
