namespace Orleans.Blockchain.Peers;

/// <summary>What became of a peer offered to the neighbour list, and why, in words a person can act on.</summary>
[GenerateSerializer, Immutable, Alias("NeighbourAddOutcome")]
public sealed record NeighbourAddOutcome(
    [property: Id(0)] NeighbourAddResult Result,
    [property: Id(1)] string? Reason = null);
