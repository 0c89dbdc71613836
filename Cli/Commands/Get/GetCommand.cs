using System.CommandLine;

namespace Orleans.Blockchain.Cli.Commands.Get;

/// <summary><c>get chain|neighbours|data|status|block|message|tips</c>: what a miner holds.</summary>
internal static class GetCommand
{
    public static Command Create(ClientOptions client) => new("get", "Show what a miner holds: its chain, neighbours, pending data, status, a block, a message or the chain tips.")
    {
        GetChainCommand.Create(client),
        GetNeighboursCommand.Create(client),
        GetDataCommand.Create(client),
        GetStatusCommand.Create(client),
        GetBlockCommand.Create(client),
        GetMessageCommand.Create(client),
        GetTipsCommand.Create(client),
    };
}
