namespace Orleans.Blockchain.Gateway.Hosting;

/// <summary>How to reach the miner's silos: the same <c>Miner</c> settings the silo reads, so one
/// configuration (or one set of command-line switches) serves both processes.</summary>
public sealed class MinerClusterOptions
{
    public string Name { get; set; } = "miner";

    /// <summary>Embedded mode: the port of the miner's one silo on this machine.</summary>
    public int GatewayPort { get; set; } = 30000;

    public string? ClusterId { get; set; }

    public string ServiceId { get; set; } = "orleans-blockchain";

    /// <summary>Cluster mode: the Redis the miner's silos register in; the gateway finds every silo there.</summary>
    public string? Redis { get; set; }

    public string EffectiveClusterId => ClusterId ?? $"miner-{Name}";
}
