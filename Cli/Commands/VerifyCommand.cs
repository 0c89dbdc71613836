using System.CommandLine;
using System.Text.Json;
using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Output;
using Orleans.Blockchain.Proofs;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>verify FILE [--checkpoint HASH@HEIGHT] [--genesis HASH]</c>: checks a proof bundle offline, with the
/// same code the miners use for headers and Merkle trees (<see cref="ProofVerifier"/>).</summary>
internal static class VerifyCommand
{
    /// <summary>A bundle holds a header per block to the tip: far below this even for long chains.</summary>
    private const long MaxBundleBytes = 64L * 1024 * 1024;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A proof bundle saved by `proof ID -o FILE`" };
        var checkpoint = new Option<string?>("--checkpoint") { HelpName = "HASH@HEIGHT", Description = "A block you trust: the proof must pass through it" };
        var genesis = new Option<string?>("--genesis") { HelpName = "HASH", Description = "The genesis hash of the network you trust (see `get status`)" };
        var json = new Option<bool>("--json") { Description = "Print every check as JSON" };
        var command = new Command("verify", "Check a proof bundle without any miner: leaf, root, headers, proof of work, links, genesis, checkpoint.")
        {
            file, checkpoint, genesis, json,
        };
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var trusted = parse.GetValue(checkpoint) is { } text
                ? Checkpoint.TryParse(text, out var c) ? c : throw new CommandException($"--checkpoint must be HASH@HEIGHT (64 hex digits, @, a height), not '{text}'")
                : null;
            var genesisHash = parse.GetValue(genesis);
            if (genesisHash is not null && !ProvenHeader.IsHash(genesisHash.ToLowerInvariant()))
            {
                throw new CommandException($"--genesis must be 64 hex digits, not '{genesisHash}'");
            }

            var proof = await ReadAsync(parse.GetValue(file)!, cancellation);
            var result = ProofVerifier.Verify(proof, genesisHash, trusted);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, new { verified = result.IsVerified, checks = result.Checks.Select(c => new { step = c.Name, passed = c.Passed, detail = c.Detail }) });
            }
            else if (result.IsVerified)
            {
                await output.WriteLineAsync($"verified: {proof.Message.Text} in block {result.Height}, {Printable.Count(result.Confirmations, "confirmation")}");
                if (proof.Message.Author is { } author)
                {
                    await output.WriteLineAsync($"  signed by {author.Fingerprint} (Ed25519 key {author.PublicKey}) at {Printable.Time(author.SignedAt)}");
                }

                foreach (var check in result.Checks)
                {
                    await output.WriteLineAsync($"  {check.Name,-14} {check.Detail}");
                }
            }

            return result.Failure is { } failure
                ? throw new CommandException($"not verified: {failure.Name}: {failure.Detail}")
                : CommandAction.Succeeded;
        });
    }

    private static async Task<MessageProof> ReadAsync(FileInfo file, CancellationToken cancellation)
    {
        if (file.Exists && file.Length > MaxBundleBytes)
        {
            throw new CommandException($"{file} has {file.Length:N0} bytes, more than a proof bundle may have ({MaxBundleBytes:N0})");
        }

        await using var stream = file.OpenRead();
        try
        {
            return await JsonSerializer.DeserializeAsync<MessageProof>(stream, GatewayJson.Options, cancellation)
                ?? throw new JsonException("it is empty");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new CommandException($"not verified: bundle: {file} is not a proof bundle: {e.Message}", e);
        }
    }
}
