using System.CommandLine;
using System.Text.Json;
using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>proof ID [-o FILE]</c>: the inclusion proof of a message, to check later with <c>verify</c>.</summary>
internal static class ProofCommand
{
    public static Command Create(ClientOptions client)
    {
        var id = new Argument<Guid>("ID") { Description = "The id `add` printed" };
        var file = new Option<FileInfo?>("--output", "-o") { HelpName = "FILE", Description = "Save the proof bundle to FILE (default: print it)" };
        var command = new Command("proof", "Get a self-contained proof that a message is in a block; `verify` checks it without any miner.") { id, file };
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var proof = await gateway.GetProofAsync(parse.GetValue(id), cancellation);
            if (parse.GetValue(file) is not { } path)
            {
                JsonOutput.Write(output, proof);
                return CommandAction.Succeeded;
            }

            await File.WriteAllTextAsync(path.FullName, JsonSerializer.Serialize(proof, GatewayJson.Indented) + "\n", cancellation);
            var confirmations = proof.Headers[^1].Index - proof.Headers[0].Index + 1;
            await output.WriteLineAsync(
                $"saved the proof of message {proof.Message.Id} (block {proof.Headers[0].Index}, {Printable.Count(confirmations, "confirmation")}) to {path}");
            return CommandAction.Succeeded;
        });
    }
}
