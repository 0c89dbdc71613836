using System.CommandLine;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands.Get;

/// <summary><c>get data</c>: the unprocessed messages (accepted, not yet in a block).</summary>
internal static class GetDataCommand
{
    public static Command Create(ClientOptions client)
    {
        var command = new Command("data", "Show the miner's unprocessed messages: accepted, not yet mined into a block.");
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var messages = await gateway.GetDataAsync(cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, messages);
                return CommandAction.Succeeded;
            }

            MessageTable.Of(messages, empty: "no unprocessed messages").WriteTo(output);
            return CommandAction.Succeeded;
        });
    }
}
