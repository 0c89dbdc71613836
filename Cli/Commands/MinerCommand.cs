using System.CommandLine;
using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>miner start CHAIN_PATH</c>: runs one miner (a silo hosting its gateway) in the foreground until Ctrl-C.</summary>
internal static class MinerCommand
{
    public static Command Create() => new("miner", "Run a miner.") { Start() };

    private static Command Start()
    {
        var chainPath = new Argument<string>("CHAIN_PATH") { Description = "The chain file; it names the miner and its data directory (data/alice.chain: miner alice, files in data/)" };
        var port = new Option<int>("--port", "-p") { HelpName = "PORT", Description = $"The gateway's HTTP port P on 127.0.0.1; the silo uses P+{MinerPorts.SiloOffset} and P+{MinerPorts.SiloGatewayOffset}", DefaultValueFactory = _ => ClientOptions.DefaultPort };
        var difficulty = new Option<int>("--difficulty", "-d") { HelpName = "D", Description = "Leading zero hex digits of every block hash (all miners of a network must agree)", DefaultValueFactory = _ => 4 };
        var neighbours = new Option<string?>("--neighbours", "-n") { HelpName = "HOST:PORT,...", Description = "Peers to start with: host:port,host:port (their gateways)" };
        var forceNewChain = new Option<bool>("--force-new-chain") { Description = "Move an existing chain aside (into <name>.old-<time>/) and start a new one" };
        var threads = new Option<int>("--threads") { HelpName = "N", Description = "Mining threads (0: one per core)" };
        var adminKey = new Option<string?>("--admin-key") { HelpName = "KEY", Description = $"Enables admin operations on the gateway (default: ${NeighboursCommand.AdminKeyVariable})" };

        var command = new Command("start", "Run one miner, one process: its silo hosting its gateway, in the foreground until Ctrl-C.")
        {
            chainPath, port, difficulty, neighbours, forceNewChain, threads, adminKey,
        };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var chain = ChainPath.Parse(parse.GetValue(chainPath)!);
            var miner = new MinerSpec(
                chain.Name, chain.DataDirectory, MinerPorts.For(parse.GetValue(port)), parse.GetValue(difficulty),
                PeerAddress.ParseList(parse.GetValue(neighbours)), parse.GetValue(threads),
                parse.GetValue(adminKey) ?? Environment.GetEnvironmentVariable(NeighboursCommand.AdminKeyVariable));
            var programs = MinerPrograms.Find();
            PortAvailability.EnsureFree(miner);

            if (parse.GetValue(forceNewChain) && chain.MoveAside(DateTimeOffset.UtcNow) is { } aside)
            {
                await output.WriteLineAsync($"moved the existing chain of {chain.Name} to {aside}");
            }

            return await ForegroundMiner.RunAsync(miner, programs, output, cancellation);
        });
    }
}
