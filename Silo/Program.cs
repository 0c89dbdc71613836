using Orleans.Blockchain.Configuration;
using Orleans.Blockchain.Silo.Hosting;

try
{
    using var host = MinerHost.Build(args);
    await host.RunAsync();
}
catch (Exception e) when (InvalidSettings.Describe(e) is { } setting)
{
    Console.Error.WriteLine($"miner: {setting}");
    return InvalidSettings.ExitCode;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"miner: {e.Message}"); // e.g. an unusable data directory
    return 1;
}

return 0;
