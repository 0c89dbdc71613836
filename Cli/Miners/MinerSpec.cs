using System.Globalization;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary>Everything needed to start one miner, turned into the settings its silo and gateway read.
/// <see cref="MiningThreads"/> 0 means one per core; <see cref="AdminKey"/> enables admin operations (removing a
/// neighbour) on the gateway, null leaves them disabled.</summary>
internal sealed record MinerSpec(
    string Name, string DataDirectory, MinerPorts Ports, int Difficulty, IReadOnlyList<Uri> Neighbours, int MiningThreads, string? AdminKey)
{
    public const string AdminKeySetting = "Gateway__AdminKey";

    public Uri Url => Ports.Url;

    /// <summary>Settings as <c>--Section:Key=value</c> switches, which both programs read over their appsettings.json.</summary>
    public IReadOnlyList<string> ArgumentsFor(MinerRole role) => role == MinerRole.Silo
        ?
        [
            .. Common(),
            $"--Miner:DataDirectory={DataDirectory}",
            $"--Miner:Difficulty={Number(Difficulty)}",
            $"--Miner:SiloPort={Number(Ports.Silo)}",
            $"--Miner:PublicUrl={Url}",
            $"--Miner:MiningThreads={Number(MiningThreads)}",
            .. Neighbours.Select((url, i) => $"--Miner:Neighbours:{Number(i)}={url}"),
        ]
        : [.. Common(), $"--Urls={Url.ToString().TrimEnd('/')}"];

    /// <summary>The admin key goes by environment, not argument, so other users cannot read it in the process list.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentFor(MinerRole role) =>
        role == MinerRole.Gateway && !string.IsNullOrEmpty(AdminKey) ? new Dictionary<string, string> { [AdminKeySetting] = AdminKey } : new Dictionary<string, string>();

    private IEnumerable<string> Common() => [$"--Miner:Name={Name}", $"--Miner:GatewayPort={Number(Ports.SiloGateway)}"];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
