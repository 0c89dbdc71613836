using Orleans.Blockchain.Cli.Commands;

// blockchain: the command-line client of a miner's gateway, and the launcher of one miner or a local network.
return await BlockchainCommand.Create().Parse(args).InvokeAsync(BlockchainCommand.Invocation);
