using System.Globalization;
using BenchmarkDotNet.Running;
using Orleans.Blockchain.Benchmarks;

// "--hashrate SECONDS [PATH]" times one thread without BenchmarkDotNet; anything else goes to BenchmarkDotNet.
if (args is ["--hashrate", var seconds, .. var rest])
{
    Hashrate.Run(double.Parse(seconds, CultureInfo.InvariantCulture), rest is [var path, ..] ? path : "Widest");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(NonceSearchBenchmarks).Assembly).Run(args);
