using Orleans.Blockchain.Silo.Hosting;

var builder = Host.CreateApplicationBuilder(args);
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
