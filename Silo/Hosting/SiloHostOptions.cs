using System.ComponentModel.DataAnnotations;

namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>Where a miner's silo listens and which cluster it forms; bound from the <c>Miner</c> section too.
/// Each miner is a cluster of its own: give every miner on one machine its own ports and cluster id.</summary>
public sealed class SiloHostOptions
{
    [Range(1, 65_535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port the miner's gateway (an Orleans client) connects to.</summary>
    [Range(1, 65_535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Defaults to <c>miner-&lt;Name&gt;</c>, so two miners never join each other by mistake.</summary>
    public string? ClusterId { get; set; }

    public string ServiceId { get; set; } = "orleans-blockchain";

    /// <summary>Cluster mode: a StackExchange.Redis connection string (<c>127.0.0.1:6379</c>). Set, the miner may run
    /// on several silos that find each other and keep their grains' state in Redis; unset, the miner is one silo
    /// with localhost clustering and files (the embedded default).</summary>
    public string? Redis { get; set; }

    /// <summary>The address other silos of the miner reach this one at (cluster mode); a host name is resolved at start.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Cluster mode inside Kubernetes: silo name, address and liveness come from the pod (POD_NAME, POD_IP, ...).</summary>
    public bool Kubernetes { get; set; }

    /// <summary>The Orleans Dashboard's statistics (silo) and pages (gateway, <c>/dashboard</c>); both read this setting.
    /// Off by default: idle, it costs the silo about 2 % of a core (statistics every second) and the gateway about
    /// 60 MiB (its 17 MB script held in memory, plain and compressed).</summary>
    public bool Dashboard { get; set; }

    /// <summary>Serve the miner's gateway (REST API, web page, <c>/metrics</c>) from this silo's process, at ASP.NET
    /// Core's <c>Urls</c>, instead of from a gateway program of its own; the miner's metrics are then the gateway's
    /// <c>/metrics</c>. For a miner of one silo: with several, a gateway of its own keeps serving when any silo dies.</summary>
    public bool HostGateway { get; set; }

    public string ClusterIdFor(string minerName) => ClusterId ?? $"miner-{minerName}";
}
