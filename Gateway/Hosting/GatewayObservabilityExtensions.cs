using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Orleans.Blockchain.Observability;
using Orleans.Dashboard;

namespace Orleans.Blockchain.Gateway.Hosting;

/// <summary>What a gateway tells operators: Prometheus metrics at <c>/metrics</c> (HTTP server and client, .NET
/// runtime, the Orleans client) and, when <see cref="MinerClusterOptions.Dashboard"/> is on, the Orleans Dashboard of its
/// miner at <c>/dashboard</c>.</summary>
public static class GatewayObservabilityExtensions
{
    public const string DashboardPath = "/dashboard";

    /// <summary>The meter Orleans 10 records its metrics on, on the client side too (gateways, messaging).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    public static WebApplicationBuilder AddGatewayObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("orleans-blockchain-gateway"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansMeter)
                .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricLimits.CardinalityLimit })
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c>, outside the per-client rate limit (a scraper must never see 429, and the exporter caches
    /// its answer, so scrapes are cheap), and the dashboard, which shows grain state and live logs: it answers
    /// only requests from this machine unless <see cref="GatewayOptions.DashboardAllowRemote"/> is set, and
    /// looks like any unknown path (404) to everyone else.
    /// </summary>
    public static WebApplication MapGatewayObservability(this WebApplication app)
    {
        // Neither is part of the miner's REST API: both stay out of the OpenAPI document.
        app.MapPrometheusScrapingEndpoint().DisableRateLimiting().ExcludeFromDescription();
        if (!app.Services.GetRequiredService<IOptions<MinerClusterOptions>>().Value.Dashboard)
        {
            return app;
        }

        var allowRemote = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.DashboardAllowRemote;
        app.UseWhen(
            context => !allowRemote && context.Request.Path.StartsWithSegments(DashboardPath) && !IsLocal(context.Connection.RemoteIpAddress),
            remote => remote.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        app.MapOrleansDashboard(DashboardPath).ExcludeFromDescription();
        return app;
    }

    private static bool IsLocal(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
