using System.Collections.Immutable;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Mining;

/// <summary>What to mine next: a block on top of <paramref name="Tip"/> holding <paramref name="Messages"/>.</summary>
[GenerateSerializer, Immutable, Alias("MiningTemplate")]
public sealed record MiningTemplate(
    [property: Id(0)] Block Tip,
    [property: Id(1)] ImmutableArray<Message> Messages,
    [property: Id(2)] int Difficulty);
