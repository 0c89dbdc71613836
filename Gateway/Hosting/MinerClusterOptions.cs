namespace Orleans.Blockchain.Gateway.Hosting;

/// <summary>How to reach the miner's silo: the same <c>Miner</c> settings the silo reads, so one
/// configuration (or one set of command-line switches) serves both processes.</summary>
public sealed class MinerClusterOptions
{
    public string Name { get; set; } = "miner";

    public int GatewayPort { get; set; } = 30000;

    public string? ClusterId { get; set; }

    public string ServiceId { get; set; } = "orleans-blockchain";
}
