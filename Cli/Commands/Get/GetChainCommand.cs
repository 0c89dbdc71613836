using System.CommandLine;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands.Get;

/// <summary><c>get chain [--from H]</c>: the blocks, one line each, and under each its messages' texts, each cut to the
/// terminal's width (as the seed's CLI printed every block's data): "did my message arrive?" answered at a glance.</summary>
internal static class GetChainCommand
{
    private const string MessageIndent = "    ";

    public static Command Create(ClientOptions client)
    {
        var from = new Option<long>("--from") { HelpName = "H", Description = "Only the blocks from this height on" };
        var command = new Command("chain", "Show the miner's chain: a line per block, and under it each message's text, cut to the terminal's width (--json: the whole blocks).") { from };
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var chain = await gateway.GetChainAsync(parse.GetValue(from), cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, chain);
                return CommandAction.Succeeded;
            }

            var table = new Table("HEIGHT", "MINED", "MESSAGES", "NONCE", "HASH");
            var width = TerminalWidth.Columns - MessageIndent.Length;
            foreach (var block in chain.Chain)
            {
                table.Add(Printable.Number(block.Index), Printable.Time(block.Timestamp), MessageCount(block), block.Nonce.ToString(System.Globalization.CultureInfo.InvariantCulture), block.Hash);
                foreach (var message in block.Messages)
                {
                    var author = message.Author is { } signed ? $"[{signed.Fingerprint}] " : "";
                    table.AddLine(MessageIndent + Printable.Truncate(author + Printable.Cell(message.Text), width));
                }
            }

            table.WriteTo(output);
            return CommandAction.Succeeded;
        });
    }

    /// <summary>How many messages a block holds, and the fingerprints of the keys that signed any of them.</summary>
    private static string MessageCount(Block block)
    {
        var authors = block.Messages.Where(m => m.Author is not null).Select(m => m.Author!.Fingerprint).Distinct().ToList();
        var count = Printable.Number(block.Messages.Length);
        return authors.Count == 0 ? count : $"{count} (signed: {string.Join(", ", authors.Take(2))}{(authors.Count > 2 ? ", …" : "")})";
    }
}
