using System.CommandLine;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands.Get;

/// <summary><c>get tips</c>: the miner's tip and every other tip its neighbours report (Bitcoin's getchaintips).</summary>
internal static class GetTipsCommand
{
    public static Command Create(ClientOptions client)
    {
        var command = new Command("tips", "Show the miner's chain tip (active) and each different tip its neighbours report: forks with their branch length, or invalid.");
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var tips = await gateway.GetTipsAsync(cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, tips);
                return CommandAction.Succeeded;
            }

            var table = new Table("HEIGHT", "HASH", "BRANCH", "STATUS", "PEERS");
            foreach (var tip in tips)
            {
                table.Add(Printable.Number(tip.Height), Printable.ShortHash(tip.Hash), Printable.Number(tip.BranchLength), tip.Status,
                    tip.Peers.IsDefaultOrEmpty ? "-" : string.Join(", ", tip.Peers));
            }

            table.WriteTo(output);
            return CommandAction.Succeeded;
        });
    }
}
