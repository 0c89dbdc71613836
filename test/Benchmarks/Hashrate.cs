using System.Diagnostics;
using System.Globalization;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Benchmarks;

/// <summary>A plain timing loop on the calling thread, without BenchmarkDotNet: nonces per second of one core.</summary>
internal static class Hashrate
{
    public static void Run(double seconds, string path)
    {
        var searcher = Searchers.Create(path);
        var header = new byte[BlockHeader.Size];
        new Random(1).NextBytes(header);

        // Warm up long enough for tiered compilation to reach optimised code.
        Measure(searcher, header, 0.5, 0);
        var (nonces, elapsed) = Measure(searcher, header, seconds, 1UL << 40);
        var lanes = searcher is MidstateNonceSearcher fast ? fast.Lanes.ToString() : "Plain";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"path={lanes} nonces={nonces} seconds={elapsed:F3} nonces_per_second={(long)(nonces / elapsed)}"));
    }

    private static (ulong Nonces, double Seconds) Measure(INonceSearcher searcher, byte[] header, double seconds, ulong start)
    {
        var clock = Stopwatch.StartNew();
        var nonces = 0UL;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            if (searcher.Search(header, Searchers.Unreachable, start + nonces, BlockMiner.ChunkSize) is not null)
            {
                throw new InvalidOperationException("A nonce met the unreachable difficulty.");
            }

            nonces += BlockMiner.ChunkSize;
        }

        return (nonces, clock.Elapsed.TotalSeconds);
    }
}
