using System.CommandLine.Parsing;
using Orleans.Blockchain.Cli;
using Orleans.Blockchain.Cli.Commands;

// blockchain: the command-line client of a miner's gateway, and the launcher of one miner or a local network.
var parse = BlockchainCommand.Create().Parse(args);
if (parse.Errors.Count > 0)
{
    // A usage error (an unknown command, a value that is not a number, ...): one line and exit code 2, like every bad setting.
    await Console.Error.WriteLineAsync($"error: {string.Join(" ", parse.Errors.Select(e => e.Message))} (see {CommandPath(parse.CommandResult)} --help)");
    return InvalidSettingException.ExitCode;
}

return await parse.InvokeAsync(BlockchainCommand.Invocation);

static string CommandPath(CommandResult command) =>
    command.Parent is CommandResult parent ? $"{CommandPath(parent)} {command.Command.Name}" : "blockchain";
