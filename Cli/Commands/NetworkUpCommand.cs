using System.CommandLine;
using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Cli.Network;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>network up</c>: starts (or resumes) the local network and prints each miner's gateway URL.</summary>
internal static class NetworkUpCommand
{
    public const int DefaultMiners = 3;
    public const int DefaultDifficulty = 4;

    public static Command Create(Option<string> dataDirectory, Option<bool> json)
    {
        var miners = new Option<int?>("--miners", "-m") { HelpName = "N", Description = $"How many miners (default: as last time, else {DefaultMiners})" };
        var difficulty = new Option<int?>("--difficulty", "-d") { HelpName = "D", Description = $"Leading zero hex digits of every block hash (default: as last time, else {DefaultDifficulty})" };
        var basePort = new Option<int?>("--base-port") { HelpName = "PORT", Description = $"Miner i's gateway listens on BASE+i, its silo on BASE+{MinerPorts.SiloOffset}+i and BASE+{MinerPorts.SiloGatewayOffset}+i (default: as last time, else {ClientOptions.DefaultPort})" };
        var threads = new Option<int?>("--threads") { HelpName = "N", Description = "Mining threads per miner (default: as last time, else 1; 0: one per core)" };
        var adminKey = new Option<string?>("--admin-key") { HelpName = "KEY", Description = $"Enables admin operations on every gateway (default: ${NeighboursCommand.AdminKeyVariable})" };
        var timeout = new Option<double>("--timeout") { HelpName = "SECONDS", Description = "Seconds to wait for every gateway to be ready", DefaultValueFactory = _ => 180 };

        var command = new Command("up", "Start a local network of N miners wired as a ring, or resume it: starts whatever of it is not running, and prints each miner's gateway URL once all are ready.")
        {
            miners, difficulty, basePort, threads, adminKey, timeout, dataDirectory, json,
        };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(dataDirectory)!);
            var previous = NetworkSettings.Load(directory);
            var settings = new NetworkSettings(
                parse.GetValue(miners) ?? previous?.Miners ?? DefaultMiners,
                parse.GetValue(difficulty) ?? previous?.Difficulty ?? DefaultDifficulty,
                parse.GetValue(basePort) ?? previous?.BasePort ?? ClientOptions.DefaultPort,
                parse.GetValue(threads) ?? previous?.MiningThreads ?? 1);
            NetworkSettingsRules.Check(settings, previous, directory);

            var error = parse.InvocationConfiguration.Error;
            var launcher = new NetworkLauncher(directory, MinerPrograms.Find(), error);
            var started = await launcher.UpAsync(
                settings, previous, parse.GetValue(adminKey) ?? Environment.GetEnvironmentVariable(NeighboursCommand.AdminKeyVariable),
                TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellation);

            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, started.Select(m => new { name = m.Name, url = m.Url.ToString().TrimEnd('/'), dataDirectory = m.DataDirectory }));
            }
            else
            {
                foreach (var miner in started)
                {
                    await output.WriteLineAsync($"{miner.Name} {miner.Url.ToString().TrimEnd('/')}");
                }
            }

            await error.WriteLineAsync(
                $"all ready. Swagger UI: {started[0].Url}swagger (and so on for each miner); logs: {Path.Combine(directory, "miner*", "*.log")}; stop: blockchain network down --data-dir {directory}");
            return CommandAction.Succeeded;
        });
    }
}
