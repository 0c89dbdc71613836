using System.Collections.Immutable;
using System.Text.Json;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests;

/// <summary>The commands that talk to a gateway, against the real gateways of a running network.</summary>
[Collection(LocalNetworkCollection.Name)]
public sealed class GatewayCommandTests(LocalNetwork network)
{
    private string First => network.Urls[0];

    private string Second => network.Urls[1];

    [Fact]
    public async Task Add_prints_the_seeds_answer_and_the_message_id()
    {
        var add = await BlockchainCli.RunAsync("add", "hello from the CLI", "--url", First);

        Assert.Equal(0, add.ExitCode);
        var line = Assert.Single(add.OutputLines);
        Assert.StartsWith("Message added! id ", line, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(line["Message added! id ".Length..], out _), line);
    }

    [Fact]
    public async Task Add_json_is_the_gateways_answer_and_get_message_finds_it()
    {
        var add = await BlockchainCli.RunAsync("add", "json please", "--url", First, "--json");
        var added = add.Json<AddResponse>();
        Assert.Equal(AddResponse.Added, added.Message);

        var receipt = (await BlockchainCli.RunAsync("get", "message", $"{added.Id}", "--url", First, "--json")).Json<MessageReceipt>();
        Assert.Equal(added.Id, receipt.Id);
        Assert.NotEqual(MessageStatus.Unknown, receipt.Status);
    }

    [Fact]
    public async Task Add_wait_follows_the_receipt_until_the_message_is_in_a_block()
    {
        var add = await BlockchainCli.RunAsync("add", "wait for me", "--wait", "--interval", "0.2", "--url", First);

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.StartsWith("Message added!", add.OutputLines[0], StringComparison.Ordinal);
        Assert.Matches(@"^in block \d+ \([0-9a-f]{16}…\), 1 confirmation$", add.OutputLines[^1]);
    }

    [Fact]
    public async Task Add_wait_json_writes_one_receipt_a_line_ending_in_a_block()
    {
        var add = await BlockchainCli.RunAsync("add", "wait in json", "--wait", "--json", "--interval", "0.2", "--url", First);

        Assert.True(add.ExitCode == 0, add.ToString());
        var receipts = add.JsonLines<MessageReceipt>();
        Assert.Equal(MessageStatus.InBlock, receipts[^1].Status);
        Assert.True(receipts[^1].Confirmations >= 1);
        Assert.Single(receipts.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task A_message_added_at_one_miner_is_mined_into_the_chain_of_the_other()
    {
        var id = (await BlockchainCli.RunAsync("add", "travel well", "--url", First, "--json")).Json<AddResponse>().Id;

        await Eventually.TrueAsync(async () =>
        {
            var chain = (await BlockchainCli.RunAsync("get", "chain", "--url", Second, "--json")).Json<ChainResponse>();
            return chain.Chain.SelectMany(b => b.Messages).Count(m => m.Id == id) == 1;
        }, "the message to be in the second miner's chain");
    }

    [Fact]
    public async Task Get_chain_prints_a_table_starting_at_genesis()
    {
        var chain = await BlockchainCli.RunAsync("get", "chain", "--url", First);

        Assert.Equal(0, chain.ExitCode);
        Assert.Equal(["HEIGHT", "MINED", "MESSAGES", "NONCE", "HASH"], chain.OutputLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^0\s+2026-01-01 00:00:00Z\s+0\s+0\s+[0-9a-f]{64}$", chain.OutputLines[1]);
    }

    [Fact]
    public async Task Get_chain_shows_each_blocks_messages_under_it_cut_to_the_terminal_width()
    {
        var longText = "a long message " + new string('x', 100);
        await BlockchainCli.RunAsync("add", longText, "--url", First);
        var add = await BlockchainCli.RunAsync("add", "did my message arrive?", "--wait", "--interval", "0.2", "--url", First);
        Assert.True(add.ExitCode == 0, add.ToString());
        var height = System.Text.RegularExpressions.Regex.Match(add.OutputLines[^1], @"^in block (\d+) ").Groups[1].Value;

        var chain = await BlockchainCli.RunAsync(["get", "chain", "--url", First], new Dictionary<string, string> { ["COLUMNS"] = "40" });

        Assert.Equal(0, chain.ExitCode);
        var lines = chain.Output.ReplaceLineEndings("\n").Split('\n').ToList(); // untrimmed: the indentation counts
        var block = lines.FindIndex(line => line.StartsWith(height + " ", StringComparison.Ordinal));
        Assert.True(block > 0, chain.ToString());
        var messages = lines.Skip(block + 1).TakeWhile(line => line.StartsWith("    ", StringComparison.Ordinal)).ToList();
        Assert.Contains("    did my message arrive?", messages);
        Assert.All(messages, line => Assert.True(line.Length <= 40, line));
        Assert.Contains(lines, line => line == "    " + longText[..35] + "…");
    }

    [Fact]
    public async Task Get_chain_from_a_height_returns_only_the_blocks_from_there()
    {
        var chain = (await BlockchainCli.RunAsync("get", "chain", "--from", "1", "--url", First, "--json")).Json<ChainResponse>();

        Assert.All(chain.Chain, block => Assert.True(block.Index >= 1));
        Assert.Equal(chain.Chain.Length, chain.Length);
    }

    [Fact]
    public async Task Get_status_shows_the_miner_by_host_and_port_too()
    {
        var port = new Uri(First).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = await BlockchainCli.RunAsync("get", "status", "--host", "127.0.0.1", "--port", port);
        var json = (await BlockchainCli.RunAsync("get", "status", "-p", port, "--json")).Json<StatusResponse>();

        Assert.Equal(0, text.ExitCode);
        Assert.Contains(text.OutputLines, line => line.StartsWith("Name:", StringComparison.Ordinal) && line.EndsWith("miner1", StringComparison.Ordinal));
        Assert.Equal("miner1", json.Name);
        Assert.Equal(2, json.Difficulty);
    }

    [Fact]
    public async Task Get_neighbours_shows_the_next_miner_of_the_ring()
    {
        var text = await BlockchainCli.RunAsync("get", "neighbours", "--url", First);
        var json = (await BlockchainCli.RunAsync("get", "neighbours", "--url", First, "--json")).Json<NeighboursResponse>();

        Assert.Equal(0, text.ExitCode);
        Assert.Contains(text.OutputLines, line => line.StartsWith(Second + "/", StringComparison.Ordinal));
        Assert.Contains(Second + "/", json.Neighbours);
    }

    [Fact]
    public async Task Get_data_lists_the_pending_messages()
    {
        var data = await BlockchainCli.RunAsync("get", "data", "--url", Second, "--json");

        Assert.Equal(0, data.ExitCode);
        Assert.All(data.Json<ImmutableArray<Message>>(), message => Assert.NotEqual(Guid.Empty, message.Id));
    }

    [Fact]
    public async Task Get_block_finds_a_block_by_height_and_by_hash()
    {
        var byHeight = (await BlockchainCli.RunAsync("get", "block", "0", "--url", First, "--json")).Json<Block>();
        var byHash = (await BlockchainCli.RunAsync("get", "block", byHeight.Hash, "--url", First, "--json")).Json<Block>();
        var text = await BlockchainCli.RunAsync("get", "block", "0", "--url", First);

        Assert.Equal(0, byHeight.Index);
        Assert.Equal(byHeight, byHash with { Messages = byHeight.Messages });
        Assert.Contains($"Hash:       {byHeight.Hash}", text.OutputLines);
    }

    [Fact]
    public async Task Get_block_that_does_not_exist_fails_with_the_gateways_reason_in_one_line()
    {
        var block = await BlockchainCli.RunAsync("get", "block", "999999", "--url", First);

        Assert.Equal(1, block.ExitCode);
        Assert.Empty(block.Output);
        var error = Assert.Single(block.ErrorLines);
        Assert.Contains("404", error, StringComparison.Ordinal);
        Assert.Contains("No such block", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_message_that_was_never_seen_fails()
    {
        var message = await BlockchainCli.RunAsync("get", "message", $"{Guid.NewGuid()}", "--url", First);

        Assert.Equal(1, message.ExitCode);
        Assert.Contains("Unknown message", Assert.Single(message.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_says_ready()
    {
        var text = await BlockchainCli.RunAsync("health", "--url", First);
        var json = await BlockchainCli.RunAsync("health", "--url", First, "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("ready", Assert.Single(text.OutputLines), StringComparison.Ordinal);
        Assert.Equal("Healthy", JsonDocument.Parse(json.Output).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Neighbours_add_then_remove_with_the_admin_key()
    {
        using var http = new HttpClient();
        using var standIn = new StatusEcho(await http.GetByteArrayAsync(new Uri(new Uri(First), "status"))); // admitted: our genesis
        var peer = standIn.Url.ToString();

        var added = await BlockchainCli.RunAsync("neighbours", "add", peer, "--url", First);
        var withoutKey = await BlockchainCli.RunAsync("neighbours", "remove", peer, "--url", First);
        var wrongKey = await BlockchainCli.RunAsync("neighbours", "remove", peer, "--url", First, "--admin-key", "wrong");
        var removed = await BlockchainCli.RunAsync(["neighbours", "remove", peer, "--url", First], new Dictionary<string, string> { ["BLOCKCHAIN_ADMIN_KEY"] = LocalNetwork.AdminKey });
        var after = (await BlockchainCli.RunAsync("get", "neighbours", "--url", First, "--json")).Json<NeighboursResponse>();

        Assert.Equal($"added {peer}", Assert.Single(added.OutputLines));
        Assert.Equal(1, withoutKey.ExitCode);
        Assert.Contains("admin key", Assert.Single(withoutKey.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("401", Assert.Single(wrongKey.ErrorLines), StringComparison.Ordinal);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal($"removed {peer}", Assert.Single(removed.OutputLines));
        Assert.DoesNotContain(peer, after.Neighbours);
    }

    [Fact]
    public async Task Watch_prints_a_line_a_look_and_stops_after_count()
    {
        var text = await BlockchainCli.RunAsync("watch", "--count", "2", "--interval", "0.2", "--url", First);
        var json = await BlockchainCli.RunAsync("watch", "-n", "2", "-i", "0.2", "--url", First, "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal(3, text.OutputLines.Length); // a header and two looks
        Assert.StartsWith("TIME", text.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        Assert.All(json.OutputLines, line => Assert.Equal("miner1", JsonDocument.Parse(line).RootElement.GetProperty("status").GetProperty("name").GetString()));
        Assert.Equal(2, json.OutputLines.Length);
    }

    [Fact]
    public async Task Watch_stops_on_ctrl_c()
    {
        using var watch = BlockchainCli.Start(["watch", "--interval", "0.2", "--url", First]);
        var header = await watch.StandardOutput.ReadLineAsync();
        var firstLook = await watch.StandardOutput.ReadLineAsync();

        await Signal.InterruptAsync(watch);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await watch.WaitForExitAsync(deadline.Token);

        Assert.StartsWith("TIME", header, StringComparison.Ordinal);
        Assert.NotNull(firstLook);
        Assert.Equal(0, watch.ExitCode);
    }
}
