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
    public const int DefaultSilosPerMiner = 1;

    public static Command Create(Option<string> dataDirectory, Option<bool> json)
    {
        var miners = new Option<int?>("--miners", "-m") { HelpName = "N", Description = $"How many miners (default: as last time, else {DefaultMiners})" };
        var difficulty = new Option<int?>("--difficulty", "-d") { HelpName = "D", Description = $"Leading zero hex digits of every block hash (default: as last time, else {DefaultDifficulty})" };
        var basePort = new Option<int?>("--base-port") { HelpName = "PORT", Description = $"Miner i's gateway listens on BASE+i, its silo on BASE+{MinerPorts.SiloOffset}+i and BASE+{MinerPorts.SiloGatewayOffset}+i, silo n on {MinerPorts.SiloStride}(n-1) more (default: as last time, else {ClientOptions.DefaultPort})" };
        var threads = new Option<int?>("--threads") { HelpName = "N", Description = "Mining threads per miner (default: as last time, else 1; 0: one per core)" };
        var silosPerMiner = new Option<int?>("--silos-per-miner") { HelpName = "K", Description = $"Silos per miner, 1 to {MinerPorts.MaxSilos}; more than 1 needs Redis (default: as last time, else {DefaultSilosPerMiner})" };
        var redis = new Option<string?>("--redis") { HelpName = "URL", Description = "Cluster mode with your Redis (host:port): each miner's silos find each other and keep its state there (default: as last time, else none: files)" };
        var startRedis = new Option<bool>("--start-redis") { Description = "Cluster mode with a redis-server the network starts and stops itself (127.0.0.1, data in DIR/redis, append-only file)" };
        var adminKey = new Option<string?>("--admin-key") { HelpName = "KEY", Description = $"The admin key of every gateway (default: ${NeighboursCommand.AdminKeyVariable}, else as last time, else a new random key kept in network.json)" };
        var timeout = new Option<double>("--timeout") { HelpName = "SECONDS", Description = "Seconds to wait for every gateway to be ready", DefaultValueFactory = _ => 180 };

        var command = new Command("up", "Start a local network of N miners wired as a ring, or resume it: starts whatever of it is not running, and prints each miner's gateway URL once all are ready.")
        {
            miners, difficulty, basePort, threads, silosPerMiner, redis, startRedis, adminKey, timeout, dataDirectory, json,
        };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(dataDirectory)!);
            var previous = NetworkSettings.Load(directory);
            var settings = Choose(
                previous, parse.GetValue(miners), parse.GetValue(difficulty), parse.GetValue(basePort), parse.GetValue(threads),
                parse.GetValue(silosPerMiner), parse.GetValue(redis), parse.GetValue(startRedis));
            NetworkSettingsRules.Check(settings, previous, directory);
            var wait = PositiveSeconds.Of("--timeout", parse.GetValue(timeout));

            // The admin key: as given, else as last time, else a new random one; kept in network.json.
            var key = parse.GetValue(adminKey) ?? Environment.GetEnvironmentVariable(NeighboursCommand.AdminKeyVariable)
                ?? previous?.AdminKey ?? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            settings = settings with { AdminKey = key, Partition = previous?.Partition };

            var error = parse.InvocationConfiguration.Error;
            var launcher = new NetworkLauncher(directory, MinerPrograms.Find(), error);
            var (started, saved) = await launcher.UpAsync(
                settings, previous, key,
                wait, cancellation);

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

            var cluster = saved.Redis is null ? "" : $"{saved.SilosPerMiner} silo(s) per miner, Redis at {saved.Redis}; ";
            await error.WriteLineAsync(
                $"all ready. {cluster}Swagger UI: {started[0].Url}swagger (and so on for each miner); logs: {Path.Combine(directory, "miner*", "*.log")}; stop: blockchain network down --data-dir {directory}");
            return CommandAction.Succeeded;
        });
    }

    /// <summary>Each setting as given, else as last time (<paramref name="previous"/>), else its default. Redis: <c>--redis</c>
    /// names one (and the network no longer starts its own); <c>--start-redis</c> keeps the network's own Redis where it was,
    /// or asks for a new one (its port is chosen when it starts); neither keeps last time's choice.</summary>
    public static NetworkSettings Choose(
        NetworkSettings? previous, int? miners, int? difficulty, int? basePort, int? threads, int? silosPerMiner, string? redis, bool startRedis)
    {
        if (redis is not null && startRedis)
        {
            throw new CommandException("--redis and --start-redis exclude each other: give the Redis to use, or let the network start its own");
        }

        var (redisUrl, ownRedis) =
            redis is not null ? (redis, false)
            : startRedis ? (previous is { StartRedis: true } ? previous.Redis : null, true)
            : (previous?.Redis, previous?.StartRedis ?? false);
        return new NetworkSettings(
            miners ?? previous?.Miners ?? DefaultMiners,
            difficulty ?? previous?.Difficulty ?? DefaultDifficulty,
            basePort ?? previous?.BasePort ?? ClientOptions.DefaultPort,
            threads ?? previous?.MiningThreads ?? 1,
            silosPerMiner ?? previous?.SilosPerMiner ?? DefaultSilosPerMiner,
            redisUrl,
            ownRedis);
    }
}
