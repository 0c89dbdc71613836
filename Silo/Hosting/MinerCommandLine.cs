namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>Short command-line switches for the settings people change most; any other setting works as
/// <c>--Miner:Setting=value</c>.</summary>
public static class MinerCommandLine
{
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--name"] = "Miner:Name",
        ["--data-dir"] = "Miner:DataDirectory",
        ["--difficulty"] = "Miner:Difficulty",
        ["--silo-port"] = "Miner:SiloPort",
        ["--gateway-port"] = "Miner:GatewayPort",
        ["--cluster-id"] = "Miner:ClusterId",
        ["--threads"] = "Miner:MiningThreads",
        ["--public-url"] = "Miner:PublicUrl",
        ["--redis"] = "Miner:Redis",
        ["--advertised-address"] = "Miner:AdvertisedAddress",
        ["--metrics-port"] = "Miner:MetricsPort",
    };
}
