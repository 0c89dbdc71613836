using Orleans.Blockchain.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>What a silo tells Prometheus: the miner's own meters (height, mining, pool, peers, sync), Orleans'
/// runtime meters, .NET's and the peer client's HTTP meters.</summary>
public static class MinerObservabilityExtensions
{
    /// <summary>The meter Orleans 10 records its runtime metrics on (grains, messaging, directory, ...).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Serves <c>http://{Miner:MetricsAddress}:{Miner:MetricsPort}/metrics</c> when the port is set; does nothing otherwise.</summary>
    public static IHostApplicationBuilder AddMinerObservability(this IHostApplicationBuilder builder)
    {
        var endpoint = builder.Configuration.GetSection(MinerOptions.Section).Get<MetricsEndpointOptions>() ?? new();
        // A port out of range is left to the settings check, which names it (the listener would fail with a stack trace).
        if (endpoint.MetricsPort is <= 0 or > ushort.MaxValue)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("orleans-blockchain-silo"))
            .WithMetrics(metrics => metrics
                .AddMeter(MinerMetrics.MeterName, OrleansMeter)
                .AddRuntimeInstrumentation()
                .AddHttpClientInstrumentation()
                .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricLimits.CardinalityLimit })
                .AddPrometheusHttpListener(listener =>
                {
                    listener.Host = endpoint.MetricsAddress;
                    listener.Port = endpoint.MetricsPort;
                }));
        return builder;
    }
}
