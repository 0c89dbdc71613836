using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Orleans.Blockchain.Peers;

public static class PeerServiceCollectionExtensions
{
    /// <summary>The HTTP client for peers: a response-size cap and, per peer host, a timeout per attempt,
    /// one retry, a total deadline and a circuit breaker, so a slow or hostile peer costs the jobs seconds,
    /// never a stall, and never affects calls to the other peers.</summary>
    public static IServiceCollection AddPeerClient(this IServiceCollection services)
    {
        services.AddHttpClient<PeerClient>((sp, client) =>
            {
                var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MinerOptions>>().Value;
                client.MaxResponseContentBufferSize = options.MaxPeerResponseBytes;
                // The resilience handler's deadlines end when the headers arrive; this one also bounds reading
                // the body, so a peer that trickles its answer cannot hold a job.
                client.Timeout = TimeSpan.FromSeconds(10);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddStandardResilienceHandler(ConfigureResilience)
            .SelectPipelineByAuthority();
        services.AddTransient<IPeerAdmission, GenesisAdmission>();
        return services;
    }

    private static void ConfigureResilience(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
    }
}
