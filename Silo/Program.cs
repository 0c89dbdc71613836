using Orleans.Blockchain.Silo.Hosting;

// appsettings.json is read from beside the program, so the miner runs the same from any directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(args, MinerCommandLine.Switches.ToDictionary());
try
{
    builder.AddMiner();
    await builder.Build().RunAsync();
}
catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
{
    Console.Error.WriteLine($"miner: {e.Message}");
    return 1;
}

return 0;
