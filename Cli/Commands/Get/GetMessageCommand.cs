using System.CommandLine;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands.Get;

/// <summary><c>get message ID</c>: where a message stands at this miner.</summary>
internal static class GetMessageCommand
{
    public static Command Create(ClientOptions client)
    {
        var id = new Argument<Guid>("ID") { Description = "The id `add` printed" };
        var command = new Command("message", "Show where a message stands: pending, or in block h with n confirmations.") { id };
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var receipt = await gateway.GetReceiptAsync(parse.GetValue(id), cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, receipt);
                return CommandAction.Succeeded;
            }

            var details = new Details().Add("Id", receipt.Id.ToString()).Add("Status", ReceiptText.Describe(receipt));
            if (receipt.Status == MessageStatus.InBlock)
            {
                details.Add("Block", receipt.BlockHash ?? "").Add("Height", Printable.Number(receipt.Height ?? 0)).Add("Confirmations", Printable.Number(receipt.Confirmations));
            }

            if (receipt.Author is { } author)
            {
                details.Add("Author", $"{author.Fingerprint} (Ed25519 key {author.PublicKey})").Add("Signed", Printable.Time(author.SignedAt));
            }

            details.WriteTo(output);
            return CommandAction.Succeeded;
        });
    }
}
