using System.CommandLine;
using Orleans.Blockchain.Cli.Network;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>network status</c>: each miner's processes (every silo) and what its gateway says, each silo's metrics
/// endpoint, and the network's Redis.</summary>
internal static class NetworkStatusCommand
{
    public static Command Create(Option<string> dataDirectory, Option<bool> json)
    {
        var command = new Command("status", "Show each miner of the local network: its processes (every silo, and the gateway: a one-silo miner's silo hosts it, so both show its pid) and what its gateway says; and its Redis in cluster mode.") { dataDirectory, json };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(dataDirectory)!);
            var states = await new NetworkInspector(directory).InspectAsync(cancellation);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, states);
                return CommandAction.Succeeded;
            }

            var table = new Table("MINER", "URL", "SILO", "GATEWAY", "HEIGHT", "TIP", "POOL", "PEERS", "METRICS");
            foreach (var miner in states)
            {
                var status = miner.Status;
                table.Add(
                    miner.Name, miner.Url.ToString(), SilosText(miner.Silos), ProcessText(miner.Gateway),
                    status is null ? "-" : Printable.Number(status.Height),
                    status is null ? "unreachable" : Printable.ShortHash(status.TipHash),
                    status is null ? "-" : Printable.Number(status.PoolSize),
                    status is null ? "-" : Printable.Number(status.Neighbours),
                    string.Join(", ", miner.Metrics));
            }

            table.WriteTo(output);
            if (states.Count > 0 && states[0].Redis is { } redis)
            {
                await output.WriteLineAsync(redis.StartedByNetwork
                    ? $"redis {redis.Url}: {ProcessText(new ProcessState("redis", redis.Pid, redis.Running))}"
                    : $"redis {redis.Url}: not started by the network");
            }

            if (NetworkSettings.Load(directory)?.Partition is { } partition)
            {
                await output.WriteLineAsync($"partition in force: {PartitionPlan.Describe(partition)} (network heal lifts it)");
            }

            return CommandAction.Succeeded;
        });
    }

    /// <summary>"pid 1" for one silo (as before miners had several); "silo1 pid 1, silo2 exited (pid 2)" for more.</summary>
    private static string SilosText(IReadOnlyList<ProcessState> silos) =>
        silos.Count == 1 ? ProcessText(silos[0]) : string.Join(", ", silos.Select(silo => $"{silo.Name} {ProcessText(silo)}"));

    private static string ProcessText(ProcessState process) =>
        process.Pid is not { } pid ? "stopped" : process.Running ? $"pid {pid}" : $"exited (pid {pid})";
}
