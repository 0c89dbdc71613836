using Orleans.Blockchain.Configuration;
using Orleans.Blockchain.Gateway.Hosting;

namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>The miner program's host, with its settings checked. A silo alone is a plain host. A silo that hosts its
/// miner's gateway (<see cref="SiloHostOptions.HostGateway"/>: <c>network up</c> and <c>miner start</c> run a one-silo
/// miner so) is a web app serving the gateway's API, page and <c>/metrics</c> through the silo's own cluster client:
/// one process per miner, about 100 MiB less than a silo and a gateway (README, "Footprint"). appsettings.json is read
/// from beside the program, so the miner runs the same from any directory.</summary>
public static class MinerHost
{
    public static IHost Build(string[] args)
    {
        if (!HostsGateway(args))
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddCommandLine(args, MinerCommandLine.Switches.ToDictionary());
            builder.AddMiner();
            var host = builder.Build();
            InvalidSettings.Check(host.Services);
            return host;
        }

        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        web.Configuration.AddCommandLine(args, MinerCommandLine.Switches.ToDictionary());
        web.AddMiner();
        web.AddMinerGateway();
        var app = web.Build();
        InvalidSettings.Check(app.Services);
        app.MapMinerGateway();
        return app;
    }

    /// <summary>Read ahead of the host, from the sources it reads (appsettings.json, environment, command line), since it
    /// decides the kind of host.</summary>
    private static bool HostsGateway(string[] args) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args, MinerCommandLine.Switches.ToDictionary())
            .Build()
            .GetSection(MinerOptions.Section)
            .GetValue<bool>(nameof(SiloHostOptions.HostGateway));
}
