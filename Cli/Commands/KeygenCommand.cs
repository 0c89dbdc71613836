using System.CommandLine;
using Orleans.Blockchain.Cli.Authors;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>keygen [-o FILE]</c>: a new Ed25519 key pair to sign messages with (<c>add TEXT --sign FILE</c>).</summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo?>("--output", "-o") { HelpName = "FILE", Description = "Save the key pair to FILE, readable by you only (default: print it)" };
        var command = new Command("keygen", "Make an Ed25519 key pair to sign messages with: `add TEXT --sign FILE`.") { file };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var key = AuthorKey.Create();
            if (parse.GetValue(file) is not { } path)
            {
                Output.JsonOutput.Write(output, key);
                return CommandAction.Succeeded;
            }

            if (path.Exists)
            {
                throw new CommandException($"{path} exists: keygen never overwrites a key");
            }

            key.SaveNew(path.FullName);
            await output.WriteLineAsync($"saved a new Ed25519 key to {path}; public key {key.PublicKey}, fingerprint {key.Fingerprint}");
            return CommandAction.Succeeded;
        });
    }
}
