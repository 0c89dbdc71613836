using System.Collections.Immutable;

namespace Orleans.Blockchain.Sync;

/// <summary>What a peer's chain looked like when this miner last probed it.</summary>
/// <param name="Url">The peer's gateway.</param>
/// <param name="Height">Height of its tip.</param>
/// <param name="TipHash">Hash of its tip.</param>
/// <param name="ForkHeight">The first height at which its chain differs from ours; null while its chain is ours, or a
/// part of ours.</param>
/// <param name="Invalid">It was caught serving an invalid chain.</param>
/// <param name="Partitioned">A staged partition cuts it off: it is watched, never synced with.</param>
/// <param name="SeenAt">When it last answered.</param>
/// <param name="Recent">Its last few blocks, tip last.</param>
[GenerateSerializer, Immutable, Alias("PeerChain")]
public sealed record PeerChain(
    [property: Id(0)] Uri Url,
    [property: Id(1)] long Height,
    [property: Id(2)] string TipHash,
    [property: Id(3)] long? ForkHeight,
    [property: Id(4)] bool Invalid,
    [property: Id(5)] bool Partitioned,
    [property: Id(6)] DateTimeOffset SeenAt,
    [property: Id(7)] ImmutableArray<BlockDigest> Recent);
