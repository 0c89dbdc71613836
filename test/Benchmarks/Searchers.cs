using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Benchmarks;

/// <summary>Names the searchers the benchmarks compare.</summary>
internal static class Searchers
{
    /// <summary>16 zero hex digits: no nonce in a benchmark run meets it, so nothing stops a search early.</summary>
    public const int Unreachable = 16;

    /// <summary>"Plain", a <see cref="Sha256Lanes"/> name, or "Widest" (what the miner uses).</summary>
    public static INonceSearcher Create(string path) => path switch
    {
        "Plain" => new Sha256NonceSearcher(),
        "Widest" => new MidstateNonceSearcher(),
        _ => new MidstateNonceSearcher(Enum.Parse<Sha256Lanes>(path)),
    };
}
