namespace Orleans.Blockchain.Cli.Miners;

/// <summary>The ports of one miner, all derived from the one people use, its gateway's HTTP port P. Silo n (1-based) of
/// the miner listens on P+100+200(n-1) and accepts gateways (Orleans clients) on P+200+200(n-1): a miner of one silo
/// uses P+100 and P+200, as always; a second silo takes P+300 and P+400, a third P+500 and P+600, and so on. In a
/// network miner i has P = base+i with i below 100, so each block of 100 ports holds one kind of port of every miner
/// and no two ports meet. A miner of one silo is one process (<see cref="SiloHostsGateway"/>): its metrics are the
/// gateway's <c>/metrics</c>. Of a miner of several, silo n serves its Prometheus metrics on P+2100+100(n-1), above
/// every silo's pair of ports (<see cref="Metrics"/>). All on 127.0.0.1.</summary>
/// <param name="Http">P, the gateway's HTTP port.</param>
/// <param name="Silo">The first silo's port.</param>
/// <param name="SiloGateway">The first silo's gateway port.</param>
/// <param name="SiloCount">How many silos the miner runs (more than one only in cluster mode, with Redis).</param>
internal sealed record MinerPorts(int Http, int Silo, int SiloGateway, int SiloCount = 1)
{
    public const int SiloOffset = 100;
    public const int SiloGatewayOffset = 200;

    /// <summary>How far each further silo's pair of ports is from the one before.</summary>
    public const int SiloStride = 200;

    /// <summary>Enough for any one machine; it keeps every silo's pair of ports within P+2,000.</summary>
    public const int MaxSilos = 10;

    /// <summary>Silo 1's metrics port is P+2100, silo n's 100 more for each silo before it (at most P+3000).</summary>
    public const int MetricsOffset = 2_100;

    public const int MetricsStride = 100;

    public Uri Url => new($"http://127.0.0.1:{Http}/");

    /// <summary>A miner of one silo runs as one process: the silo hosts the gateway, whose <c>/metrics</c> serves the
    /// silo's series too (README, "Footprint": about 100 MiB less than two processes). With several silos the gateway is
    /// a process of its own, so the miner keeps serving whichever silo dies.</summary>
    public bool SiloHostsGateway => SiloCount == 1;

    /// <summary>Each silo's pair of ports, silo 1 first.</summary>
    public IReadOnlyList<SiloPorts> Silos =>
        [.. Enumerable.Range(0, SiloCount).Select(i => new SiloPorts(i + 1, Silo + (i * SiloStride), SiloGateway + (i * SiloStride)))];

    /// <summary>Each port with what it is for, as an error message names it.</summary>
    public IEnumerable<(int Port, string Use)> All => [(Http, "gateway HTTP"), .. Silos.SelectMany(SiloPortsWithMetrics)];

    /// <summary>The port silo <paramref name="silo"/> (from 1) serves Prometheus metrics on.</summary>
    public int Metrics(int silo) => Http + MetricsOffset + ((silo - 1) * MetricsStride);

    /// <summary>Its Prometheus endpoint, as <c>network status</c> prints it.</summary>
    public Uri MetricsUrl(int silo) => SiloHostsGateway ? new(Url, "metrics") : new($"http://127.0.0.1:{Metrics(silo)}/metrics");

    /// <summary>A silo's pair of ports and its metrics port (when it has one), with what each is for.</summary>
    public IEnumerable<(int Port, string Use)> SiloPortsWithMetrics(SiloPorts silo) => SiloHostsGateway
        ? silo.All(numbered: false)
        : [.. silo.All(numbered: true), (Metrics(silo.Number), $"{silo.Name(numbered: true)} metrics")];

    /// <summary>How far above P the highest port of a miner with <paramref name="silos"/> silos is: its silo's gateway port
    /// for one silo, else its last metrics port.</summary>
    public static int HighestOffset(int silos) => silos == 1 ? SiloGatewayOffset : MetricsOffset + ((silos - 1) * MetricsStride);

    /// <summary>The ports of a miner whose gateway listens on <paramref name="httpPort"/> (<c>--port</c>; <c>network up</c>
    /// checks its <c>--base-port</c> before).</summary>
    public static MinerPorts For(int httpPort, int silos = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        var highest = HighestOffset(silos);
        return httpPort is > 0 && httpPort <= ushort.MaxValue - highest
            ? new(httpPort, httpPort + SiloOffset, httpPort + SiloGatewayOffset, silos)
            : throw new InvalidSettingException("--port", httpPort, silos == 1
                ? $"must be between 1 and {ushort.MaxValue - highest} (the silo also uses it +{SiloOffset} and +{SiloGatewayOffset})"
                : $"must be between 1 and {ushort.MaxValue - highest} (its {silos} silos also use it +{SiloOffset} to +{highest})");
    }
}
