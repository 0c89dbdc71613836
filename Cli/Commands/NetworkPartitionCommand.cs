using System.CommandLine;
using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Network;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>network partition 1,2/3,4</c> and <c>network heal</c>: stage a partition of the local network, and lift
/// it. Each miner is told, through its gateway's admin endpoint (<c>/admin/partition</c>, with the network's admin
/// key), which peers to ignore; the miners keep it across restarts, and <c>network.json</c> records it for
/// <c>network status</c>.</summary>
internal static class NetworkPartitionCommand
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    public static Command CreatePartition(Option<string> dataDirectory)
    {
        var groups = new Argument<string>("GROUPS") { Description = "Groups of miner numbers, '/' between groups, e.g. 1,2/3,4; miners left out form one more group" };
        var command = new Command("partition", "Split the local network: miners of different groups ignore each other (no gossip, chain sync, data sync or announcements) until network heal.")
        {
            groups, dataDirectory,
        };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(dataDirectory)!);
            var settings = NetworkSettings.LoadExisting(directory);
            var plan = PartitionPlan.Parse(parse.GetValue(groups)!, settings.Miners);
            var miners = settings.PlanMiners(directory, settings.AdminKey);
            await ForEachMinerAsync(settings, miners.Select(m => m.Url).ToList(), (gateway, number) =>
                gateway.SetPartitionAsync(plan.CutOffFor(number).Select(n => miners[n - 1].Url), settings.AdminKey!, cancellation));
            (settings with { Partition = plan.Groups }).Save(directory);
            await output.WriteLineAsync($"partition in force: {plan}; heal with blockchain network heal --data-dir {directory}");
            return CommandAction.Succeeded;
        });
    }

    public static Command CreateHeal(Option<string> dataDirectory)
    {
        var command = new Command("heal", "Lift a staged partition: every miner talks to every peer again; their chains converge.") { dataDirectory };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(dataDirectory)!);
            var settings = NetworkSettings.LoadExisting(directory);
            var miners = settings.PlanMiners(directory, settings.AdminKey);
            await ForEachMinerAsync(settings, miners.Select(m => m.Url).ToList(), (gateway, _) => gateway.HealPartitionAsync(settings.AdminKey!, cancellation));
            (settings with { Partition = null }).Save(directory);
            await output.WriteLineAsync("partition healed: every miner talks to every peer again");
            return CommandAction.Succeeded;
        });
    }

    /// <summary>Every miner must take the change: a miner left out would bridge the cut, or keep it.</summary>
    private static async Task ForEachMinerAsync(NetworkSettings settings, IReadOnlyList<Uri> urls, Func<GatewayClient, int, Task> change)
    {
        if (string.IsNullOrEmpty(settings.AdminKey))
        {
            throw new CommandException("this network has no admin key yet: run blockchain network up once more to give its gateways one");
        }

        await Task.WhenAll(urls.Select(async (url, i) =>
        {
            using var gateway = new GatewayClient(url, AnswerTimeout);
            await change(gateway, i + 1);
        }));
    }
}
