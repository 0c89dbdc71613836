using System.CommandLine;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Authors;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>add MESSAGE [--wait]</c>: adds a message; with <c>--wait</c>, follows its receipt until it is mined.</summary>
internal static class AddCommand
{
    public static Command Create(ClientOptions client)
    {
        var message = new Argument<string>("MESSAGE") { Description = "The text to record (quote it if it has spaces)" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Follow the message until it is in a block with enough confirmations" };
        var confirmations = new Option<int>("--confirmations") { HelpName = "N", Description = "With --wait: the confirmations to wait for (1 = in the tip block)", DefaultValueFactory = _ => 1 };
        var waitTimeout = new Option<double>("--wait-timeout") { HelpName = "SECONDS", Description = "With --wait: seconds to wait before giving up", DefaultValueFactory = _ => 300 };
        var interval = new Option<double>("--interval") { HelpName = "SECONDS", Description = "With --wait: seconds between looks at the receipt", DefaultValueFactory = _ => 0.5 };
        var sign = new Option<FileInfo?>("--sign") { HelpName = "FILE", Description = "Sign the message with the Ed25519 key `keygen` saved in FILE" };

        var command = new Command("add", "Add a message to the miner's pool; it spreads to every miner and is mined into a block.")
        {
            message, wait, confirmations, waitTimeout, interval, sign,
        };
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            // Checked before the message is sent: a bad --wait setting must not leave a message behind.
            var (every, deadline) = (PositiveSeconds.Of("--interval", parse.GetValue(interval)), PositiveSeconds.Of("--wait-timeout", parse.GetValue(waitTimeout)));
            using var gateway = client.Connect(parse);
            var text = parse.GetValue(message)!;
            var author = parse.GetValue(sign) is { } keyFile ? AuthorKey.Load(keyFile.FullName).Sign(text, DateTimeOffset.UtcNow) : null;
            var added = await gateway.AddAsync(text, author, cancellation);
            if (!parse.GetValue(wait))
            {
                if (client.IsJson(parse))
                {
                    JsonOutput.Write(output, added);
                }
                else
                {
                    await output.WriteLineAsync($"{added.Message} id {added.Id}");
                }

                return CommandAction.Succeeded;
            }

            if (!client.IsJson(parse))
            {
                await output.WriteLineAsync($"{added.Message} id {added.Id}");
            }

            var follow = new ReceiptFollower(gateway, added.Id, parse.GetValue(confirmations), every);
            await follow.RunAsync(receipt => WriteReceipt(output, receipt, client.IsJson(parse)), deadline, cancellation);
            return CommandAction.Succeeded;
        });
    }

    /// <summary>Each change of the receipt: a line of text, or with --json a JSON line (the last one is the final receipt).</summary>
    private static void WriteReceipt(TextWriter output, MessageReceipt receipt, bool json)
    {
        if (json)
        {
            JsonOutput.WriteLine(output, receipt);
        }
        else
        {
            output.WriteLine(ReceiptText.Describe(receipt));
        }
    }
}
