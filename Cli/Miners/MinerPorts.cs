namespace Orleans.Blockchain.Cli.Miners;

/// <summary>The three ports of one miner, all derived from the one people use, its gateway's HTTP port P:
/// the silo listens on P+100 and accepts its gateway (an Orleans client) on P+200. All on 127.0.0.1.</summary>
internal sealed record MinerPorts(int Http, int Silo, int SiloGateway)
{
    public const int SiloOffset = 100;
    public const int SiloGatewayOffset = 200;

    public Uri Url => new($"http://127.0.0.1:{Http}/");

    /// <summary>Each port with what it is for, as an error message names it.</summary>
    public IEnumerable<(int Port, string Use)> All => [(Http, "gateway HTTP"), (Silo, "silo"), (SiloGateway, "silo gateway")];

    public static MinerPorts For(int httpPort) =>
        httpPort is > 0 and <= ushort.MaxValue - SiloGatewayOffset
            ? new(httpPort, httpPort + SiloOffset, httpPort + SiloGatewayOffset)
            : throw new CommandException($"port {httpPort} is out of range: the gateway port must be between 1 and {ushort.MaxValue - SiloGatewayOffset} (the silo uses it +{SiloOffset} and +{SiloGatewayOffset})");
}
