using Orleans.Blockchain.Configuration;
using Orleans.Blockchain.Gateway.Hosting;

// appsettings.json is read from beside the program, so the gateway runs the same from any directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
try
{
    builder.AddMinerClient().AddMinerGateway();
    var app = builder.Build();
    InvalidSettings.Check(app.Services);
    app.MapMinerGateway();
    await app.RunAsync();
}
catch (Exception e) when (InvalidSettings.Describe(e) is { } setting)
{
    Console.Error.WriteLine($"gateway: {setting}");
    return InvalidSettings.ExitCode;
}

return 0;
