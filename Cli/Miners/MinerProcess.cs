namespace Orleans.Blockchain.Cli.Miners;

/// <summary>One process of a miner: its gateway, or one of its silos (<see cref="Number"/> counts them from 1;
/// the gateway's is 1). What it is called in messages and log names, and the ports it listens on.</summary>
internal sealed record MinerProcess(MinerSpec Miner, MinerRole Role, int Number)
{
    /// <summary>"silo", "silo2", "gateway": numbered silos only when the miner has several.</summary>
    public string Name => Role == MinerRole.Silo ? SiloPorts.Name(Miner.Ports.SiloCount > 1) : Role.ToString().ToLowerInvariant();

    public string LogFileName => $"{Name}.log";

    public SiloPorts SiloPorts => Miner.Ports.Silos[Number - 1];

    /// <summary>Each port it listens on, with what it is for, as an error message names it.</summary>
    public IEnumerable<(int Port, string Use)> Ports => Role == MinerRole.Gateway
        ? [(Miner.Ports.Http, "gateway HTTP")]
        : Miner.Ports.SiloPortsWithMetrics(SiloPorts);

    public IReadOnlyList<string> Arguments => Miner.ArgumentsFor(Role, Number);
}
