namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>Where a miner's silo listens and which cluster it forms; bound from the <c>Miner</c> section too.
/// Each miner is a cluster of its own: give every miner on one machine its own ports and cluster id.</summary>
public sealed class SiloHostOptions
{
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port the miner's gateway (an Orleans client) connects to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Defaults to <c>miner-&lt;Name&gt;</c>, so two miners never join each other by mistake.</summary>
    public string? ClusterId { get; set; }

    public string ServiceId { get; set; } = "orleans-blockchain";
}
