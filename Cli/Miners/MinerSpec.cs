using System.Globalization;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary>Everything needed to start one miner, turned into the settings its silos and gateway read.
/// <see cref="MiningThreads"/> 0 means one per core; <see cref="AdminKey"/> enables admin operations (removing a
/// neighbour) on the gateway, null leaves them disabled; <see cref="Redis"/> (a StackExchange.Redis connection string)
/// puts the miner in cluster mode: its silos find each other and keep their state there, under the miner's cluster id
/// (<c>miner-&lt;Name&gt;</c>), so one Redis serves every miner of a network. Null: one silo with files.</summary>
internal sealed record MinerSpec(
    string Name, string DataDirectory, MinerPorts Ports, int Difficulty, IReadOnlyList<Uri> Neighbours, int MiningThreads, string? AdminKey,
    string? Redis = null)
{
    public const string AdminKeySetting = "Gateway__AdminKey";

    public Uri Url => Ports.Url;

    /// <summary>Its processes in the order they start: the silos, then the gateway (unless the one silo hosts it).</summary>
    public IReadOnlyList<MinerProcess> Processes =>
    [
        .. Ports.Silos.Select(silo => new MinerProcess(this, MinerRole.Silo, silo.Number)),
        .. Ports.SiloHostsGateway ? [] : new[] { new MinerProcess(this, MinerRole.Gateway, 1) },
    ];

    /// <summary>Settings as <c>--Section:Key=value</c> switches, which both programs read over their appsettings.json.
    /// Every silo gets the same name and data directory and its own pair of ports (<paramref name="silo"/> counts from 1);
    /// the gateway is pointed at the first silo, and in cluster mode finds the others through Redis. The one silo of a
    /// miner hosts the gateway at its URL, and serves its metrics there; several silos each have a metrics port.</summary>
    public IReadOnlyList<string> ArgumentsFor(MinerRole role, int silo = 1) => role switch
    {
        MinerRole.Silo =>
        [
            .. Common(Ports.Silos[silo - 1]),
            $"--Miner:DataDirectory={DataDirectory}",
            $"--Miner:Difficulty={Number(Difficulty)}",
            $"--Miner:SiloPort={Number(Ports.Silos[silo - 1].Silo)}",
            .. Ports.SiloHostsGateway ? new[] { "--Miner:HostGateway=true", UrlSwitch } : [$"--Miner:MetricsPort={Number(Ports.Metrics(silo))}"],
            $"--Miner:PublicUrl={Url}",
            $"--Miner:MiningThreads={Number(MiningThreads)}",
            .. Neighbours.Select((url, i) => $"--Miner:Neighbours:{Number(i)}={url}"),
            .. Cluster(),
        ],
        MinerRole.Gateway => [.. Common(Ports.Silos[0]), UrlSwitch, .. Cluster()],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a process of a miner"),
    };

    private string UrlSwitch => $"--Urls={Url.ToString().TrimEnd('/')}";

    private IEnumerable<string> Common(SiloPorts silo) => [$"--Miner:Name={Name}", $"--Miner:GatewayPort={Number(silo.Gateway)}"];

    private IEnumerable<string> Cluster() => Redis is null ? [] : [$"--Miner:Redis={Redis}"];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
