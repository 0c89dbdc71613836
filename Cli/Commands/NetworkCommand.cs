using System.CommandLine;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary><c>network up|status|down|partition|heal</c>: a local network of miners on 127.0.0.1, running in the background.</summary>
internal static class NetworkCommand
{
    public const string DefaultDataDirectory = "network";

    public static Command Create()
    {
        var dataDirectory = new Option<string>("--data-dir") { HelpName = "DIR", Description = "Where the network keeps its miners' files, logs and process record", DefaultValueFactory = _ => DefaultDataDirectory };
        var json = new Option<bool>("--json") { Description = "Print JSON (for scripts) instead of text" };
        return new Command("network", $"Run a local network of miners in the background: miner i serves http://127.0.0.1:(base port + i).")
        {
            NetworkUpCommand.Create(dataDirectory, json),
            NetworkStatusCommand.Create(dataDirectory, json),
            NetworkDownCommand.Create(dataDirectory),
            NetworkPartitionCommand.CreatePartition(dataDirectory),
            NetworkPartitionCommand.CreateHeal(dataDirectory),
        };
    }
}
