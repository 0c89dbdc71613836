using System.CommandLine;
using Orleans.Blockchain.Cli.Commands.Get;

namespace Orleans.Blockchain.Cli.Commands;

/// <summary>The <c>blockchain</c> command and all its subcommands.</summary>
internal static class BlockchainCommand
{
    /// <summary>Ctrl-C cancels the running command and gives it time to stop the processes it started.</summary>
    public static InvocationConfiguration Invocation => new() { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };

    public static RootCommand Create()
    {
        var client = new ClientOptions();
        return new RootCommand("Orleans.Blockchain: run proof-of-work miners and talk to them through their gateways' REST API.")
        {
            MinerCommand.Create(),
            NetworkCommand.Create(),
            AddCommand.Create(client),
            GetCommand.Create(client),
            HealthCommand.Create(client),
            NeighboursCommand.Create(client),
            WatchCommand.Create(client),
            ProofCommand.Create(client),
            VerifyCommand.Create(),
            AuditCommand.Create(client),
            KeygenCommand.Create(),
        };
    }
}
