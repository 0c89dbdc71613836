using System.CommandLine;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands.Get;

/// <summary><c>get neighbours</c>: the peers' gateway URLs and how they have answered lately.</summary>
internal static class GetNeighboursCommand
{
    public static Command Create(ClientOptions client)
    {
        var command = new Command("neighbours", "Show the miner's neighbours (peer gateways) and their health.");
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var neighbours = await gateway.GetNeighboursAsync(cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, neighbours);
                return CommandAction.Succeeded;
            }

            var table = new Table("URL", "HEALTHY", "FAILURES", "LAST SEEN") { Empty = "no neighbours" };
            foreach (var neighbour in neighbours.Health)
            {
                table.Add(neighbour.Url.ToString(), Printable.YesNo(neighbour.IsHealthy), Printable.Number(neighbour.ConsecutiveFailures),
                    neighbour.LastSeen is { } seen ? Printable.Time(seen) : "never");
            }

            table.WriteTo(output);
            return CommandAction.Succeeded;
        });
    }
}
