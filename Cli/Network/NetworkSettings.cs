using System.Text.Json;
using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>What a local network is, kept in <c>network.json</c> in its data directory so that running
/// <c>network up</c> again resumes the same miners, with the same names, chains and difficulty.
/// Miner i (0-based) serves HTTP on <see cref="BasePort"/> + i (see <see cref="MinerPorts"/> for the rest);
/// <see cref="MiningThreads"/> is per miner, 0 meaning one per core. <see cref="Redis"/> set, the miners run in
/// cluster mode, each as <see cref="SilosPerMiner"/> silos that share their state in that Redis (one Redis serves
/// them all: each miner's keys are under its own cluster id); <see cref="StartRedis"/>: it is the network's own
/// <see cref="LocalRedis"/>, which <c>up</c> starts and <c>down</c> stops.
/// <see cref="AdminKey"/> is the key every gateway of the network takes for admin operations (made by the first
/// <c>up</c>, kept here so that it survives restarts); <see cref="Partition"/> the groups of miner numbers of a staged
/// partition (<c>network partition</c>), null when none is in force.</summary>
internal sealed record NetworkSettings(
    int Miners, int Difficulty, int BasePort, int MiningThreads, int SilosPerMiner = 1, string? Redis = null, bool StartRedis = false,
    string? AdminKey = null, IReadOnlyList<IReadOnlyList<int>>? Partition = null)
{
    public const string FileName = "network.json";
    public const int MaxMiners = MinerPorts.SiloOffset; // more would make miner ports overlap

    /// <summary>The miners <c>miner1</c>…<c>minerN</c>, each in its own folder, each told of the next (a ring).</summary>
    public IReadOnlyList<MinerSpec> PlanMiners(string dataDirectory, string? adminKey)
    {
        var ports = Enumerable.Range(0, Miners).Select(i => MinerPorts.For(BasePort + i, SilosPerMiner)).ToList();
        return
        [
            .. ports.Select((port, i) => new MinerSpec(
                Name: $"miner{i + 1}",
                DataDirectory: Path.Combine(dataDirectory, $"miner{i + 1}"),
                Ports: port,
                Difficulty: Difficulty,
                Neighbours: Miners > 1 ? [ports[(i + 1) % Miners].Url] : [],
                MiningThreads: MiningThreads,
                AdminKey: adminKey,
                Redis: Redis)),
        ];
    }

    public static NetworkSettings? Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<NetworkSettings>(File.ReadAllText(path), GatewayJson.Options);
        }
        catch (JsonException e)
        {
            throw new CommandException($"{path} is damaged ({e.Message}); fix or delete it");
        }
    }

    /// <summary>Writes <c>network.json</c>, readable by its owner only where the OS has modes: it holds the admin key.</summary>
    public void Save(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this, GatewayJson.Indented));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The settings of the network in <paramref name="dataDirectory"/>, or a one-line error if there is none.</summary>
    public static NetworkSettings LoadExisting(string dataDirectory) =>
        Load(dataDirectory) ?? throw new CommandException($"there is no network in {dataDirectory}: start one with blockchain network up --data-dir {dataDirectory}");
}
