using Orleans.Blockchain.Api;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>One miner of a local network as <c>network status</c> sees it: its recorded processes and whether they run,
/// and its gateway's <c>GET /status</c>, or when it did not answer, the <see cref="Problem"/>.</summary>
internal sealed record MinerState(
    string Name, Uri Url, string DataDirectory, int? SiloPid, bool SiloRunning, int? GatewayPid, bool GatewayRunning, StatusResponse? Status, string? Problem);
