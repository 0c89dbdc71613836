using System.Collections.Immutable;
using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Api;

/// <summary><c>GET /status</c>: what a miner is doing, in one small answer (peers poll it to sync).</summary>
public sealed record StatusResponse(
    string Name,
    long Length,
    long Height,
    string TipHash,
    string GenesisHash,
    int Difficulty,
    int PoolSize,
    int Neighbours,
    bool Mining,
    double HashesPerSecond,
    ImmutableArray<MiningReport> Silos);
