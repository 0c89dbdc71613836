using System.CommandLine;
using Orleans.Blockchain.Cli.Network;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>network status</c>: each miner's processes and what its gateway says.</summary>
internal static class NetworkStatusCommand
{
    public static Command Create(Option<string> dataDirectory, Option<bool> json)
    {
        var command = new Command("status", "Show each miner of the local network: its processes and what its gateway says.") { dataDirectory, json };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var states = await new NetworkInspector(Path.GetFullPath(parse.GetValue(dataDirectory)!)).InspectAsync(cancellation);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, states);
                return CommandAction.Succeeded;
            }

            var table = new Table("MINER", "URL", "SILO", "GATEWAY", "HEIGHT", "TIP", "POOL", "PEERS");
            foreach (var miner in states)
            {
                var status = miner.Status;
                table.Add(
                    miner.Name, miner.Url.ToString(), ProcessText(miner.SiloPid, miner.SiloRunning), ProcessText(miner.GatewayPid, miner.GatewayRunning),
                    status is null ? "-" : Printable.Number(status.Height),
                    status is null ? "unreachable" : Printable.ShortHash(status.TipHash),
                    status is null ? "-" : Printable.Number(status.PoolSize),
                    status is null ? "-" : Printable.Number(status.Neighbours));
            }

            table.WriteTo(output);
            return CommandAction.Succeeded;
        });
    }

    private static string ProcessText(int? pid, bool running) => pid is null ? "stopped" : running ? $"pid {pid}" : $"exited (pid {pid})";
}
