using System.Diagnostics;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary>The silo and gateway programs, which the build copies beside the CLI into <c>miner/silo/</c> and
/// <c>miner/gateway/</c>, and the <c>dotnet</c> host that runs them.</summary>
internal sealed record MinerPrograms(string Dotnet, string Silo, string Gateway)
{
    public string PathOf(MinerRole role) => role switch
    {
        MinerRole.Silo => Silo,
        MinerRole.Gateway => Gateway,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a miner program"),
    };

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
    public ProcessStartInfo StartInfo(MinerSpec miner, MinerRole role) => StartInfo(new MinerProcess(miner, role, 1));

    /// <summary>The runtime settings that have no runtimeconfig.json property, given to every miner program the CLI starts:
    /// a 4 MiB gen0 budget (the default follows the CPU's cache, 32 MiB and more here) keeps an idle miner's heap small;
    /// measured with test/Benchmarks/footprint.sh (README, "Footprint"). A variable already set wins.</summary>
    public static readonly IReadOnlyDictionary<string, string> Runtime = new Dictionary<string, string>
    {
        ["DOTNET_GCgen0size"] = "0x400000",
    };

    /// <summary>A process that runs the program with the settings of this one silo (or the gateway) of the miner.</summary>
    public ProcessStartInfo StartInfo(MinerProcess process)
    {
        var start = new ProcessStartInfo(Dotnet) { UseShellExecute = false };
        foreach (var (name, value) in Runtime)
        {
            start.Environment.TryAdd(name, value);
        }

        start.ArgumentList.Add(PathOf(process.Role));
        foreach (var argument in process.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in process.Environment)
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
