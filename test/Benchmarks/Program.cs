using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Orleans.Blockchain.Benchmarks;

// "--hashrate SECONDS [PATH]" times one thread without BenchmarkDotNet; the ledger commands serve ledger.sh;
// anything else goes to BenchmarkDotNet.
switch (args)
{
    case ["--hashrate", var seconds, .. var rest]:
        Hashrate.Run(double.Parse(seconds, CultureInfo.InvariantCulture), rest is [var path, ..] ? path : "Widest");
        return;
    case ["--make-chain", var directory, var name, var blocks]:
        await Ledger.MakeChainAsync(directory, name, int.Parse(blocks, CultureInfo.InvariantCulture));
        return;
    case ["--load", var url, var seconds, var connections, var label]:
        await Ledger.LoadAsync(new Uri(url), double.Parse(seconds, CultureInfo.InvariantCulture), int.Parse(connections, CultureInfo.InvariantCulture), label);
        return;
    case ["--kept", var url, var label]:
        await Ledger.KeptAsync(new Uri(url), label);
        return;
    case ["--blocks", var url, var count]:
        await Ledger.BlocksAsync(new Uri(url), int.Parse(count, CultureInfo.InvariantCulture));
        return;
}

// In process: BenchmarkDotNet's generated project could not build under test/, whose props make an xunit project.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(NonceSearchBenchmarks).Assembly).Run(args, config);
