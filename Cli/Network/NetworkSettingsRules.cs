using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>What <c>network up</c> accepts before it starts anything.</summary>
internal static class NetworkSettingsRules
{
    public static void Check(NetworkSettings settings, NetworkSettings? previous, string dataDirectory)
    {
        if (settings.Miners is < 1 or > NetworkSettings.MaxMiners)
        {
            throw new InvalidSettingException("--miners", settings.Miners, $"must be between 1 and {NetworkSettings.MaxMiners}");
        }

        if (settings.Difficulty is < 0 or > 16)
        {
            throw new InvalidSettingException("--difficulty", settings.Difficulty, "must be between 0 and 16");
        }

        if (settings.MiningThreads < 0)
        {
            throw new InvalidSettingException("--threads", settings.MiningThreads, "must be 0 (one per core) or more");
        }

        if (settings.SilosPerMiner is < 1 or > MinerPorts.MaxSilos)
        {
            throw new InvalidSettingException("--silos-per-miner", settings.SilosPerMiner, $"must be between 1 and {MinerPorts.MaxSilos}");
        }

        if (settings.Redis is not null && (settings.Redis.Length == 0 || settings.Redis.Any(char.IsWhiteSpace)))
        {
            throw new InvalidSettingException("--redis", settings.Redis, "must be a Redis connection string such as 127.0.0.1:6379");
        }

        // Several silos of one miner find each other, and share the miner's state, only through Redis.
        if (settings is { SilosPerMiner: > 1, Redis: null, StartRedis: false })
        {
            throw new CommandException($"--silos-per-miner {settings.SilosPerMiner} needs Redis, where a miner's silos find each other and keep their state: add --start-redis, or --redis URL");
        }

        // The difficulty is part of every block: the chains on disk are only valid at the one they were mined with.
        if (previous is not null && previous.Difficulty != settings.Difficulty)
        {
            throw new CommandException($"the network in {dataDirectory} was created with difficulty {previous.Difficulty}; its chains cannot change difficulty (use another --data-dir)");
        }

        // Every port of the last miner must fit too.
        var highestOffset = MinerPorts.HighestOffset(settings.SilosPerMiner);
        var highestBase = ushort.MaxValue - highestOffset - (settings.Miners - 1);
        if (settings.BasePort < 1 || settings.BasePort > highestBase)
        {
            throw new InvalidSettingException("--base-port", settings.BasePort,
                $"must be between 1 and {highestBase} (miner i uses BASE+i up to BASE+{highestOffset}+i, for i below {settings.Miners})");
        }
    }
}
