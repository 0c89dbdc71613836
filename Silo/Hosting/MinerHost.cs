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
        // The plain host's configuration (every source a host reads) decides whether the host must be a web app instead.
        var silo = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        silo.Configuration.AddCommandLine(args, MinerCommandLine.Switches.ToDictionary());
        if (!silo.Configuration.GetSection(MinerOptions.Section).GetValue<bool>(nameof(SiloHostOptions.HostGateway)))
        {
            silo.AddMiner(hostsGateway: false);
            return Checked(silo.Build());
        }

        silo.Configuration.Dispose(); // its file watchers
        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        web.Configuration.AddCommandLine(args, MinerCommandLine.Switches.ToDictionary());
        web.AddMiner(hostsGateway: true);
        web.AddMinerGateway();
        var app = Checked(web.Build());
        app.MapMinerGateway();
        return app;
    }

    private static T Checked<T>(T host)
        where T : IHost
    {
        InvalidSettings.Check(host.Services);
        return host;
    }
}
