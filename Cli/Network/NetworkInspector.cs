using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary><c>network status</c>: for every miner of the network, whether its recorded processes (each silo, the
/// gateway, and the network's own Redis) still run and what its gateway says. A silo hosting the gateway is both.</summary>
internal sealed class NetworkInspector(string dataDirectory)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    public async Task<IReadOnlyList<MinerState>> InspectAsync(CancellationToken cancellation)
    {
        var settings = NetworkSettings.Load(dataDirectory)
            ?? throw new CommandException($"there is no network in {dataDirectory}; start one with `blockchain network up --data-dir {dataDirectory}`");
        var processes = new ProcessRecord(dataDirectory).Load();
        var redis = Redis(settings, processes);
        return await Task.WhenAll(settings.PlanMiners(dataDirectory, adminKey: null).Select(miner => InspectAsync(miner, processes, redis, cancellation)));
    }

    private static RedisState? Redis(NetworkSettings settings, IReadOnlyList<RecordedProcess> processes)
    {
        if (settings.Redis is null)
        {
            return null;
        }

        var process = ProcessState.Of(LocalRedis.Name, processes.FirstOrDefault(p => p.Role == MinerRole.Redis));
        return new RedisState(settings.Redis, settings.StartRedis, process.Pid, process.Running);
    }

    private static async Task<MinerState> InspectAsync(MinerSpec miner, IReadOnlyList<RecordedProcess> processes, RedisState? redis, CancellationToken cancellation)
    {
        var states = miner.Processes.Select(p => (Process: p, State: ProcessState.Of(p.Name, processes.FirstOrDefault(r => r.Is(miner.Name, p.Role, p.Number))))).ToList();
        using var client = new GatewayClient(miner.Url, AskTimeout);
        try
        {
            var status = await client.GetStatusAsync(cancellation);
            return State(status, problem: null);
        }
        catch (CommandException e)
        {
            return State(status: null, e.Message);
        }

        MinerState State(Api.StatusResponse? status, string? problem) =>
            new(miner.Name, miner.Url, miner.DataDirectory, [.. states.Where(p => p.Process.Role == MinerRole.Silo).Select(p => p.State)],
                states.Single(p => p.Process.ServesGateway).State, redis, status, problem,
                [.. miner.Ports.Silos.Select(silo => miner.Ports.MetricsUrl(silo.Number))]);
    }
}
