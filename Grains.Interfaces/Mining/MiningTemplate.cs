using System.Collections.Immutable;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Mining;

/// <summary>What to mine next: a block on top of <paramref name="Tip"/> holding <paramref name="Messages"/>, stamped
/// <paramref name="Timestamp"/>, searched over the nonces <paramref name="NonceStart"/> ..
/// <paramref name="NonceStart"/> + <paramref name="NonceCount"/> - 1. Every silo of a miner gets the same block and
/// its own range of nonces, so no two silos ever hash the same header and their hash rates add up.</summary>
[GenerateSerializer, Immutable, Alias("MiningTemplate")]
public sealed record MiningTemplate(
    [property: Id(0)] Block Tip,
    [property: Id(1)] ImmutableArray<Message> Messages,
    [property: Id(2)] int Difficulty,
    [property: Id(3)] DateTimeOffset Timestamp,
    [property: Id(4)] ulong NonceStart,
    [property: Id(5)] ulong NonceCount);
