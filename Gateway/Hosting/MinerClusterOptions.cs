using System.ComponentModel.DataAnnotations;

namespace Orleans.Blockchain.Gateway.Hosting;

/// <summary>How to reach the miner's silos: the same <c>Miner</c> settings the silo reads, so one
/// configuration (or one set of command-line switches) serves both processes.</summary>
public sealed class MinerClusterOptions
{
    public const string Section = "Miner";

    [Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    public string Name { get; set; } = "miner";

    /// <summary>Embedded mode: the port of the miner's one silo on this machine.</summary>
    [Range(1, 65_535)]
    public int GatewayPort { get; set; } = 30000;

    public string? ClusterId { get; set; }

    public string ServiceId { get; set; } = "orleans-blockchain";

    /// <summary>Cluster mode: the Redis the miner's silos register in; the gateway finds every silo there.</summary>
    public string? Redis { get; set; }

    /// <summary>Serve the Orleans Dashboard at <c>/dashboard</c>; its silos need the same setting (off by default: see the README).</summary>
    public bool Dashboard { get; set; }

    public string EffectiveClusterId => ClusterId ?? $"miner-{Name}";
}
