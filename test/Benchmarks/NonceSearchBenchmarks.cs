using BenchmarkDotNet.Attributes;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Benchmarks;

/// <summary>One miner chunk per invocation, at a difficulty no nonce meets, so every nonce is hashed.</summary>
public class NonceSearchBenchmarks
{
    private readonly byte[] _header = new byte[BlockHeader.Size];
    private INonceSearcher _searcher = new Sha256NonceSearcher();

    /// <summary>"Plain" is <see cref="Sha256NonceSearcher"/>; the rest are <see cref="MidstateNonceSearcher"/> paths.</summary>
    [Params("Plain", nameof(Sha256Lanes.Scalar), nameof(Sha256Lanes.Vector256x8), nameof(Sha256Lanes.Vector512x16))]
    public string Path { get; set; } = "Plain";

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_header);
        _searcher = Searchers.Create(Path);
    }

    [Benchmark(OperationsPerInvoke = (int)BlockMiner.ChunkSize)]
    public ulong? SearchChunk() => _searcher.Search(_header, Searchers.Unreachable, 0, BlockMiner.ChunkSize);
}
