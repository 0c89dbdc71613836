using System.Diagnostics;
using System.Globalization;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Benchmarks;

/// <summary>A plain timing loop on the calling thread, without BenchmarkDotNet: nonces per second of one core.
/// The process does nothing else meanwhile, so its CPU time is this thread's (plus a little runtime upkeep).</summary>
internal static class Hashrate
{
    public static void Run(double seconds, string path)
    {
        var searcher = Searchers.Create(path);
        var header = new byte[BlockHeader.Size];
        new Random(1).NextBytes(header);

        // Warm up long enough for tiered compilation to reach optimised code.
        Measure(searcher, header, 0.5, 0);
        var (nonces, elapsed, cpu) = Measure(searcher, header, seconds, 1UL << 40);
        var name = searcher is MidstateNonceSearcher fast ? fast.Lanes.ToString() : "Plain";
        // Per second of CPU time: on a shared machine the thread is not on a core all the wall-clock time.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"path={name} nonces={nonces} seconds={elapsed:F3} cpu_seconds={cpu:F3} wall_nonces_per_second={(long)(nonces / elapsed)} nonces_per_second={(long)(nonces / cpu)}"));
    }

    /// <summary>Searches miner-sized chunks at a difficulty nothing meets, so every nonce is hashed.</summary>
    private static (ulong Nonces, double Seconds, double CpuSeconds) Measure(INonceSearcher searcher, byte[] header, double seconds, ulong start)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
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

        var elapsed = clock.Elapsed.TotalSeconds;
        return (nonces, elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }
}
