namespace Orleans.Blockchain.Cli.Miners;

/// <summary>One process of a miner: its gateway, or one of its silos (<see cref="Number"/> counts them from 1;
/// the gateway's is 1). What it is called in messages and log names, and the ports it listens on.
/// The silo of a one-silo miner hosts the gateway (<see cref="MinerPorts.SiloHostsGateway"/>).</summary>
internal sealed record MinerProcess(MinerSpec Miner, MinerRole Role, int Number)
{
    /// <summary>"silo", "silo2", "gateway": numbered silos only when the miner has several.</summary>
    public string Name => Role == MinerRole.Silo ? SiloPorts.Name(Miner.Ports.SiloCount > 1) : Role.ToString().ToLowerInvariant();

    public string LogFileName => $"{Name}.log";

    public SiloPorts SiloPorts => Miner.Ports.Silos[Number - 1];

    /// <summary>Each port it listens on, with what it is for, as an error message names it.</summary>
    public IEnumerable<(int Port, string Use)> Ports =>
    [
        .. ServesGateway ? [(Miner.Ports.Http, "gateway HTTP")] : Array.Empty<(int, string)>(),
        .. Role == MinerRole.Silo ? Miner.Ports.SiloPortsWithMetrics(SiloPorts) : [],
    ];

    /// <summary>Whether the miner's REST API is served by this process: the gateway, or a silo hosting it.</summary>
    public bool ServesGateway => Role == MinerRole.Gateway || (Role == MinerRole.Silo && Miner.Ports.SiloHostsGateway);

    public IReadOnlyList<string> Arguments => Miner.ArgumentsFor(Role, Number);

    /// <summary>The admin key goes to the process serving the gateway by environment, not argument, so other users
    /// cannot read it in the process list.</summary>
    public IReadOnlyDictionary<string, string> Environment => ServesGateway && !string.IsNullOrEmpty(Miner.AdminKey)
        ? new Dictionary<string, string> { [MinerSpec.AdminKeySetting] = Miner.AdminKey }
        : new Dictionary<string, string>();
}
