using System.CommandLine;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands.Get;

/// <summary><c>get status</c>: what the miner is doing.</summary>
internal static class GetStatusCommand
{
    public static Command Create(ClientOptions client)
    {
        var command = new Command("status", "Show the miner's name, height, tip, difficulty, pool, neighbours and mining rate.");
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var status = await gateway.GetStatusAsync(cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, status);
                return CommandAction.Succeeded;
            }

            new Details()
                .Add("Name", status.Name)
                .Add("Height", Printable.Number(status.Height))
                .Add("Tip", status.TipHash)
                .Add("Genesis", status.GenesisHash)
                .Add("Difficulty", Printable.Number(status.Difficulty))
                .Add("Pool", $"{status.PoolSize} message(s)")
                .Add("Neighbours", Printable.Number(status.Neighbours))
                .Add("Mining", $"{Printable.YesNo(status.Mining)}, {Printable.HashRate(status.HashesPerSecond)} on {status.Silos.Length} silo(s)")
                .WriteTo(output);
            return CommandAction.Succeeded;
        });
    }
}
