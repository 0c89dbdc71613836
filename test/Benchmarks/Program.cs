using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Orleans.Blockchain.Benchmarks;

// "--hashrate SECONDS [PATH]" times one thread without BenchmarkDotNet; anything else goes to BenchmarkDotNet.
if (args is ["--hashrate", var seconds, .. var rest])
{
    Hashrate.Run(double.Parse(seconds, CultureInfo.InvariantCulture), rest is [var path, ..] ? path : "Widest");
    return;
}

// In process: BenchmarkDotNet's generated project could not build under test/, whose props make an xunit project.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(NonceSearchBenchmarks).Assembly).Run(args, config);
