using System.CommandLine;
using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Cli.Output;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>neighbours add|remove URL</c>: tell a miner of a peer, or make it forget one (an admin operation).</summary>
internal static class NeighboursCommand
{
    public const string AdminKeyVariable = "BLOCKCHAIN_ADMIN_KEY";

    public static Command Create(ClientOptions client) => new("neighbours", "Add a neighbour to a miner, or remove one (needs the admin key).")
    {
        Add(client),
        Remove(client),
    };

    private static Command Add(ClientOptions client)
    {
        var url = new Argument<string>("URL") { Description = "The peer's gateway: host:port or a URL, e.g. http://127.0.0.1:5001" };
        var command = new Command("add", "Register a peer gateway with the miner (gossip then spreads it further).") { url };
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            using var gateway = client.Connect(parse);
            var (accepted, added) = await gateway.AddNeighbourAsync(PeerAddress.Parse(parse.GetValue(url)!).ToString(), cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, new { url = accepted, added });
            }
            else
            {
                await output.WriteLineAsync(added ? $"added {accepted}" : $"already a neighbour: {accepted}");
            }

            return CommandAction.Succeeded;
        });
    }

    private static Command Remove(ClientOptions client)
    {
        var url = new Argument<string>("URL") { Description = "The neighbour to forget, as `get neighbours` lists it" };
        var adminKey = new Option<string?>("--admin-key") { HelpName = "KEY", Description = $"The gateway's admin key (Gateway:AdminKey); default: ${AdminKeyVariable}" };
        var command = new Command("remove", "Make the miner forget a neighbour. Needs the gateway's admin key.") { url, adminKey };
        client.AddTo(command);
        return command.SetCommandAction(async (parse, output, cancellation) =>
        {
            var key = parse.GetValue(adminKey) ?? Environment.GetEnvironmentVariable(AdminKeyVariable);
            if (string.IsNullOrEmpty(key))
            {
                throw new CommandException($"removing a neighbour needs the gateway's admin key: give --admin-key or set {AdminKeyVariable}");
            }

            using var gateway = client.Connect(parse);
            var peer = PeerAddress.Parse(parse.GetValue(url)!).ToString();
            await gateway.RemoveNeighbourAsync(peer, key, cancellation);
            if (client.IsJson(parse))
            {
                JsonOutput.Write(output, new { url = peer, removed = true });
            }
            else
            {
                await output.WriteLineAsync($"removed {peer}");
            }

            return CommandAction.Succeeded;
        });
    }
}
