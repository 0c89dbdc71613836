using System.Text.Json.Nodes;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests;

/// <summary><c>proof</c> against a real gateway, and <c>verify</c> offline on what it saved.</summary>
[Collection(LocalNetworkCollection.Name)]
public sealed class ProofCommandTests(LocalNetwork network) : IDisposable
{
    private readonly TempDirectory _files = new();

    private string First => network.Urls[0];

    [Fact]
    public async Task A_saved_proof_verifies_offline_and_a_changed_audit_path_fails_at_the_root()
    {
        var id = await MinedAsync("prove me");
        var file = Path.Combine(_files.Path, "proof.json");

        var saved = await BlockchainCli.RunAsync("proof", $"{id}", "-o", file, "--url", First);
        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.Contains($"message {id}", saved.Output, StringComparison.Ordinal);

        var status = (await BlockchainCli.RunAsync("get", "status", "--url", First, "--json")).Json<StatusResponse>();
        var verify = await BlockchainCli.RunAsync("verify", file, "--genesis", status.GenesisHash);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Matches(@"^verified: prove me in block \d+, \d+ confirmations?$", verify.OutputLines[0]);

        var bundle = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var tip = bundle["headers"]!.AsArray()[^1]!;
        var checkpoint = await BlockchainCli.RunAsync("verify", file, "--checkpoint", $"{tip["hash"]}@{tip["index"]}");
        Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());

        var path = bundle["auditPath"]!.AsArray();
        if (path.Count == 0)
        {
            // The only message of its block: its leaf is the root. A wrong leaf index then breaks the path instead.
            bundle["leafIndex"] = 1;
        }
        else
        {
            var hash = path[0]!.GetValue<string>();
            path[0] = (hash[0] == '0' ? '1' : '0') + hash[1..];
        }

        await File.WriteAllTextAsync(file, bundle.ToJsonString());
        var tampered = await BlockchainCli.RunAsync("verify", file);
        Assert.Equal(1, tampered.ExitCode);
        Assert.StartsWith("error: not verified: root: ", tampered.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_signed_with_a_new_key_shows_its_fingerprint_and_verifies_with_its_author()
    {
        var key = Path.Combine(_files.Path, "author.key");
        var keygen = await BlockchainCli.RunAsync("keygen", "-o", key);
        Assert.True(keygen.ExitCode == 0, keygen.ToString());
        var fingerprint = keygen.OutputLines.Single().Split("fingerprint ")[1];
        Assert.Equal(1, (await BlockchainCli.RunAsync("keygen", "-o", key)).ExitCode); // never over a key

        var add = await BlockchainCli.RunAsync("add", "signed from the CLI", "--sign", key, "--wait", "--interval", "0.2", "--url", First, "--json");
        Assert.True(add.ExitCode == 0, add.ToString());
        var receipt = add.JsonLines<MessageReceipt>()[^1];
        Assert.NotNull(receipt.Author);

        var block = await BlockchainCli.RunAsync("get", "block", $"{receipt.Height}", "--url", First);
        Assert.Contains(block.OutputLines, line => line.Contains(fingerprint, StringComparison.Ordinal) && line.Contains("signed from the CLI", StringComparison.Ordinal));
        var chain = await BlockchainCli.RunAsync("get", "chain", "--url", First);
        Assert.Contains(chain.OutputLines, line => line.Contains($"signed: {fingerprint}", StringComparison.Ordinal));

        var file = Path.Combine(_files.Path, "signed.json");
        Assert.Equal(0, (await BlockchainCli.RunAsync("proof", $"{receipt.Id}", "-o", file, "--url", First)).ExitCode);
        var verify = await BlockchainCli.RunAsync("verify", file);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Equal($"signed by {fingerprint}", verify.OutputLines[1].Split(" (")[0]);
    }

    [Fact]
    public async Task Another_genesis_or_an_unknown_checkpoint_fails_and_says_which()
    {
        var id = await MinedAsync("which network");
        var file = Path.Combine(_files.Path, "network.json");
        Assert.Equal(0, (await BlockchainCli.RunAsync("proof", $"{id}", "-o", file, "--url", First)).ExitCode);

        var genesis = await BlockchainCli.RunAsync("verify", file, "--genesis", new string('a', 64));
        Assert.Equal(1, genesis.ExitCode);
        Assert.StartsWith("error: not verified: genesis: ", genesis.ErrorLines.Single(), StringComparison.Ordinal);

        var checkpoint = await BlockchainCli.RunAsync("verify", file, "--checkpoint", $"{new string('b', 64)}@1");
        Assert.Equal(1, checkpoint.ExitCode);
        Assert.StartsWith("error: not verified: checkpoint: ", checkpoint.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_of_an_unknown_message_and_verify_of_a_file_that_is_no_bundle_fail_with_one_line()
    {
        var unknown = await BlockchainCli.RunAsync("proof", $"{Guid.NewGuid()}", "--url", First);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("404", unknown.ErrorLines.Single(), StringComparison.Ordinal);

        var file = Path.Combine(_files.Path, "garbage.json");
        await File.WriteAllTextAsync(file, "{\"message\": 3}");
        var garbage = await BlockchainCli.RunAsync("verify", file);
        Assert.Equal(1, garbage.ExitCode);
        Assert.StartsWith("error: not verified: bundle: ", garbage.ErrorLines.Single(), StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private async Task<Guid> MinedAsync(string text)
    {
        var add = await BlockchainCli.RunAsync("add", text, "--wait", "--interval", "0.2", "--url", First, "--json");
        Assert.True(add.ExitCode == 0, add.ToString());
        return add.JsonLines<MessageReceipt>()[^1].Id;
    }
}
