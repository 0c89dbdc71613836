using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Miners;

namespace Orleans.Blockchain.Cli.Network;

/// <summary><c>network status</c>: for every miner of the network, whether its recorded processes still run
/// and what its gateway says.</summary>
internal sealed class NetworkInspector(string dataDirectory)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    public async Task<IReadOnlyList<MinerState>> InspectAsync(CancellationToken cancellation)
    {
        var settings = NetworkSettings.Load(dataDirectory)
            ?? throw new CommandException($"there is no network in {dataDirectory}; start one with `blockchain network up --data-dir {dataDirectory}`");
        var processes = new ProcessRecord(dataDirectory).Load();
        return await Task.WhenAll(settings.PlanMiners(dataDirectory, adminKey: null).Select(miner => InspectAsync(miner, processes, cancellation)));
    }

    private static async Task<MinerState> InspectAsync(MinerSpec miner, IReadOnlyList<RecordedProcess> processes, CancellationToken cancellation)
    {
        var silo = processes.FirstOrDefault(p => p.Miner == miner.Name && p.Role == MinerRole.Silo);
        var gateway = processes.FirstOrDefault(p => p.Miner == miner.Name && p.Role == MinerRole.Gateway);
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

        MinerState State(Api.StatusResponse? status, string? problem) => new(
            miner.Name, miner.Url, miner.DataDirectory,
            silo?.Pid, silo is not null && ProcessIdentity.IsRunning(silo),
            gateway?.Pid, gateway is not null && ProcessIdentity.IsRunning(gateway),
            status, problem);
    }
}
