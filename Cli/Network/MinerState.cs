using Orleans.Blockchain.Api;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>One miner of a local network as <c>network status</c> sees it: its recorded processes (every silo, then the
/// process serving the gateway: its own, or the silo hosting it) and whether they run, the Redis it uses in cluster
/// mode (null: files), and its gateway's <c>GET /status</c>, or when it did not answer, the <see cref="Problem"/>.
/// <see cref="Metrics"/>: each silo's Prometheus endpoint, silo 1 first (of a silo hosting the gateway, the gateway's
/// <c>/metrics</c>).</summary>
internal sealed record MinerState(
    string Name, Uri Url, string DataDirectory, IReadOnlyList<ProcessState> Silos, ProcessState Gateway, RedisState? Redis, StatusResponse? Status, string? Problem,
    IReadOnlyList<Uri> Metrics)
{
    /// <summary>The first silo's PID, as before miners had several.</summary>
    public int? SiloPid => Silos[0].Pid;

    /// <summary>Whether every silo runs.</summary>
    public bool SiloRunning => Silos.All(silo => silo.Running);

    public int? GatewayPid => Gateway.Pid;

    public bool GatewayRunning => Gateway.Running;
}
