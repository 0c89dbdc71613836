using System.ComponentModel.DataAnnotations;

namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>Where a silo serves its Prometheus metrics; bound from the <c>Miner</c> section.</summary>
public sealed class MetricsEndpointOptions
{
    /// <summary>0 (the default) serves no metrics. Every silo on one machine needs its own port.</summary>
    [Range(0, 65_535)]
    public int MetricsPort { get; set; }

    /// <summary>The address to listen on: loopback by default, so only this machine can scrape it;
    /// <c>*</c> listens on every interface (for a Prometheus on another host or in a cluster).</summary>
    public string MetricsAddress { get; set; } = "127.0.0.1";
}
