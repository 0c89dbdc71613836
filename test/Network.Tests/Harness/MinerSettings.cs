using System.Net;

namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>How the harness starts one miner. Intervals are short so scenarios play out in seconds.</summary>
public sealed record MinerSettings
{
    public const string DefaultAdminKey = "harness-admin-key";

    /// <summary>The gateway's admin key (<c>Gateway:AdminKey</c>); null: admin operations off.</summary>
    public string? AdminKey { get; init; } = DefaultAdminKey;

    public int Difficulty { get; init; } = 3;

    public int MaxNeighbours { get; init; } = 3;

    public TimeSpan JobInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Silos of the miner; more than one needs <see cref="Redis"/>.</summary>
    public int Silos { get; init; } = 1;

    /// <summary>Cluster mode: the Redis the miner's silos and gateway share.</summary>
    public string? Redis { get; init; }

    /// <summary>Each silo serves Prometheus metrics on a free loopback port (<see cref="MinerProcess.MetricsUrl"/>).</summary>
    public bool Metrics { get; init; }

    /// <summary>An address the gateway listens on besides loopback, on the same port: how another machine reaches it.</summary>
    public IPAddress? GatewayAlsoOn { get; init; }

    /// <summary>Extra <c>--Key=value</c> settings for the silo.</summary>
    public IReadOnlyDictionary<string, string> Silo { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra <c>--Key=value</c> settings for the gateway.</summary>
    public IReadOnlyDictionary<string, string> Gateway { get; init; } = new Dictionary<string, string>();
}
