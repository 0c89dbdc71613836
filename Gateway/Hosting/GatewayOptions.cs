using System.ComponentModel.DataAnnotations;

namespace Orleans.Blockchain.Gateway.Hosting;

/// <summary>The gateway's own settings (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Required in the <c>X-Admin-Key</c> header by admin operations; when empty they are disabled.</summary>
    public string? AdminKey { get; set; }

    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 1_000;

    /// <summary>Largest request body accepted (a pushed block is the largest legitimate one).</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Messages in one answer of <c>GET /data</c>, at most (and by default): a page of at most 1,000 messages of
    /// at most 1,000 characters is a few MB, however full the pool.</summary>
    [Range(1, 10_000)]
    public int MaxDataPage { get; set; } = 1_000;

    /// <summary>Requests per second one client address may make.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Messages per second one client address may add.</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerSecond { get; set; } = 50;

    /// <summary>Peer registrations (<c>POST /neighbours</c>) per minute one client address may make: each one makes
    /// the miner call the address given, and gossip needs only one per peer per round.</summary>
    [Range(1, 1_000_000)]
    public int NeighbourRegistrationsPerMinute { get; set; } = 60;

    /// <summary>Serve the Orleans Dashboard (<c>/dashboard</c>) to other machines too. Off by default: the dashboard
    /// shows grain state and live logs to anyone who reaches it, and has no login of its own.</summary>
    public bool DashboardAllowRemote { get; set; }
}
