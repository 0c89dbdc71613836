using System.Diagnostics;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary>The silo and gateway programs, which the build copies beside the CLI into <c>miner/silo/</c> and
/// <c>miner/gateway/</c>, and the <c>dotnet</c> host that runs them.</summary>
internal sealed record MinerPrograms(string Dotnet, string Silo, string Gateway)
{
    public string PathOf(MinerRole role) => role == MinerRole.Silo ? Silo : Gateway;

    public static MinerPrograms Find()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "miner");
        var silo = Path.Combine(folder, "silo", "Orleans.Blockchain.Silo.dll");
        var gateway = Path.Combine(folder, "gateway", "Orleans.Blockchain.Gateway.dll");
        foreach (var program in new[] { silo, gateway })
        {
            if (!File.Exists(program))
            {
                throw new CommandException($"the miner program {program} is missing; build the CLI with `dotnet build Cli`, which copies it there");
            }
        }

        return new MinerPrograms(DotnetHost(), silo, gateway);
    }

    /// <summary>A process that runs the program with the miner's settings, attached to this console.</summary>
    public ProcessStartInfo StartInfo(MinerSpec miner, MinerRole role)
    {
        var start = new ProcessStartInfo(Dotnet) { UseShellExecute = false };
        start.ArgumentList.Add(PathOf(role));
        foreach (var argument in miner.ArgumentsFor(role))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in miner.EnvironmentFor(role))
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>The host running this CLI when it is <c>dotnet blockchain.dll</c>; otherwise the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";
}
