using Orleans.Blockchain.Gateway.Hosting;
using Orleans.Blockchain.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Orleans.Blockchain.Silo.Hosting;

/// <summary>What a silo tells Prometheus: the miner's own meters (height, mining, pool, peers, sync), Orleans'
/// runtime meters, .NET's and the peer client's HTTP meters.</summary>
public static class MinerObservabilityExtensions
{
    /// <summary>Serves <c>http://{Miner:MetricsAddress}:{Miner:MetricsPort}/metrics</c> when the port is set. A silo that
    /// hosts its gateway adds its meters to the gateway's, which serves them at <c>/metrics</c> (and then at the port too,
    /// if one is set). Otherwise it does nothing.</summary>
    public static IHostApplicationBuilder AddMinerObservability(this IHostApplicationBuilder builder, bool hostsGateway)
    {
        var endpoint = builder.Configuration.GetSection(MinerOptions.Section).Get<MetricsEndpointOptions>() ?? new();
        // A port out of range is left to the settings check, which names it (the listener would fail with a stack trace).
        var listens = endpoint.MetricsPort is > 0 and <= ushort.MaxValue;
        if (!listens && !hostsGateway)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry();
        if (!hostsGateway)
        {
            telemetry.ConfigureResource(resource => resource.AddService("orleans-blockchain-silo"));
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(MinerMetrics.MeterName);
            if (!hostsGateway) // hosted, the gateway adds these to the one meter provider of the process
            {
                metrics
                    .AddMeter(GatewayObservabilityExtensions.OrleansMeter)
                    .AddRuntimeInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricLimits.CardinalityLimit });
            }

            if (listens)
            {
                metrics.AddPrometheusHttpListener(listener =>
                {
                    listener.Host = endpoint.MetricsAddress;
                    listener.Port = endpoint.MetricsPort;
                });
            }
        });
        return builder;
    }
}
