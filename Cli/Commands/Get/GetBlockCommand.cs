using System.CommandLine;
using System.Globalization;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands.Get;

/// <summary><c>get block H|HASH</c>: one block and its messages.</summary>
internal static class GetBlockCommand
{
    public static Command Create(ClientOptions client)
    {
        var id = new Argument<string>("H|HASH") { Description = "The block's height (e.g. 3) or its 64-digit hash" };
        var command = new Command("block", "Show one block, by height or hash, with its messages.") { id };
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var block = await gateway.GetBlockAsync(parse.GetValue(id)!, cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, block);
                return CommandAction.Succeeded;
            }

            new Details()
                .Add("Height", Printable.Number(block.Index))
                .Add("Hash", block.Hash)
                .Add("Previous", block.PreviousHash)
                .Add("Mined", Printable.Time(block.Timestamp))
                .Add("Difficulty", Printable.Number(block.Difficulty))
                .Add("Nonce", block.Nonce.ToString(CultureInfo.InvariantCulture))
                .Add("Messages", Printable.Number(block.Messages.Length))
                .WriteTo(output);
            if (block.Messages.Length > 0)
            {
                await output.WriteLineAsync();
                MessageTable.Of(block.Messages).WriteTo(output);
            }

            return CommandAction.Succeeded;
        });
    }
}
