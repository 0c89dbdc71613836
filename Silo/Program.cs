using Orleans.Blockchain.Configuration;
using Orleans.Blockchain.Silo.Hosting;

// appsettings.json is read from beside the program, so the miner runs the same from any directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(args, MinerCommandLine.Switches.ToDictionary());
try
{
    builder.AddMiner();
    var host = builder.Build();
    InvalidSettings.Check(host.Services);
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
