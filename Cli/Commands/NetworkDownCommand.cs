using System.CommandLine;
using Orleans.Blockchain.Cli.Network;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>network down [MINER…]</c>: stops the processes <c>network up</c> recorded.</summary>
internal static class NetworkDownCommand
{
    public static Command Create(Option<string> dataDirectory)
    {
        var miners = new Argument<string[]>("MINER") { Description = "Stop only these miners (e.g. miner2); `network up` restarts them", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("down", "Stop the local network: exactly the processes `network up` recorded (or those of the named miners). Chains stay for the next `up`.")
        {
            miners, dataDirectory,
        };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            await new NetworkStopper(Path.GetFullPath(parse.GetValue(dataDirectory)!), output).DownAsync(parse.GetValue(miners) ?? []);
            return CommandAction.Succeeded;
        });
    }
}
