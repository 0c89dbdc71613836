using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Orleans.Blockchain.Configuration;
using Orleans.Blockchain.Gateway.Api;
using Orleans.Blockchain.Gateway.Health;
using Orleans.Configuration;
using Orleans.Dashboard;
using StackExchange.Redis;

namespace Orleans.Blockchain.Gateway.Hosting;

public static class GatewayHostingExtensions
{
    /// <summary>The gateway program's Orleans client of its miner's silos. A silo that hosts the gateway has its own
    /// cluster client, and calls only <see cref="AddMinerGateway"/>.</summary>
    public static WebApplicationBuilder AddMinerClient(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(MinerClusterOptions.Section).Get<MinerClusterOptions>() ?? new();
        builder.Services.AddSettingsValidation<MinerClusterOptions>(MinerClusterOptions.Section);
        // Kestrel opens its port only after this client has reached the silo; it keeps retrying until then.
        builder.UseOrleansClient(client =>
        {
            if (string.IsNullOrWhiteSpace(cluster.Redis))
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.EffectiveClusterId);
            }
            else
            {
                client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.EffectiveClusterId, cluster.ServiceId));
                client.UseRedisClustering(options => options.ConfigurationOptions = RedisConnection(cluster.Redis));
            }

            if (cluster.Dashboard)
            {
                client.AddDashboard();
            }

            client.UseConnectionRetryFilter(async (_, cancellation) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                return true;
            });
        });
        return builder;
    }

    /// <summary>The gateway's services over a cluster client of its miner: JSON, problem details, limits, OpenAPI.</summary>
    public static WebApplicationBuilder AddMinerGateway(this WebApplicationBuilder builder)
    {
        var gateway = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section)).AddSettingsValidation<GatewayOptions>(GatewayOptions.Section);
        builder.Services.Configure<MinerClusterOptions>(builder.Configuration.GetSection(MinerClusterOptions.Section)); // the dashboard's setting

        // The web page's files stay in Gateway/wwwroot when the gateway runs from its build output: the build's
        // manifest points there (ASP.NET does this only in Development). Published, wwwroot sits beside the program.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = gateway.MaxRequestBytes;
            kestrel.Limits.MaxRequestLineSize = 64 * 1024; // a 1,000-character message percent-encodes to ~9 KB
        });
        builder.Services.AddSingleton<MessageBatcher>().AddHostedService(services => services.GetRequiredService<MessageBatcher>());
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<SiloUnavailableHandler>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PerClient(gateway.RequestsPerSecond);
            limiter.AddPolicy(MessagesApi.AddPolicy, context => PerClientPartition(context, gateway.MessagesPerSecond));
            limiter.AddPolicy(NeighboursApi.RegisterPolicy, context => PerClientPartition(context, gateway.NeighbourRegistrationsPerMinute, TimeSpan.FromMinutes(1)));
            limiter.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(Results.Problem(
                    type: "https://tools.ietf.org/html/rfc6585#section-4", title: "Too many requests",
                    detail: $"Slow down and try again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext));
            };
        });
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Orleans.Blockchain miner";
            document.Info.Description = "The REST API of one miner's gateway: the seed's /add, /chain, /neighbours, /data and what peers and tools need beside them.";
            return Task.CompletedTask;
        }));
        builder.AddGatewayObservability();
        return builder;
    }

    /// <summary>The middleware and every endpoint, in the order requests meet them.</summary>
    public static WebApplication MapMinerGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        // The web page (wwwroot/index.html at /), plain files behind the same limits as the API. "no-cache" makes
        // the browser revalidate (a cheap 304), so a page never mixes old and new modules after an upgrade.
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache" });
        app.MapOpenApi("/swagger/{documentName}/swagger.json");
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/swagger/v1/swagger.json", "Orleans.Blockchain miner v1");
            ui.RoutePrefix = "swagger";
        });
        app.MapMessagesApi();
        app.MapChainApi();
        app.MapNeighboursApi();
        app.MapPartitionApi();
        app.MapTipsApi();
        app.MapStatusApi();
        app.MapGatewayObservability();
        return app;
    }

    /// <summary>Keeps retrying in the background while Redis is down, instead of failing for good at the first try.</summary>
    private static ConfigurationOptions RedisConnection(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        return options;
    }

    private static PartitionedRateLimiter<HttpContext> PerClient(int perSecond) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => PerClientPartition(context, perSecond));

    private static RateLimitPartition<string> PerClientPartition(HttpContext context, int permits, TimeSpan? window = null) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window ?? TimeSpan.FromSeconds(1), QueueLimit = 0 });
}
