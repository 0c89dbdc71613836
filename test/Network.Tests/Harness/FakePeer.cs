using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>A peer on a loopback port whose every answer a scenario writes, and which remembers every request
/// a miner made to it (path and query), so a scenario can say what the miner asked for.</summary>
public sealed class FakePeer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests;

    private FakePeer(WebApplication app, Uri url, ConcurrentQueue<string> requests) => (_app, Url, _requests) = (app, url, requests);

    public Uri Url { get; }

    /// <summary>Every request so far, as <c>METHOD /path?query</c>.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<FakePeer> StartAsync(Func<HttpContext, Task> answer)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var requests = new ConcurrentQueue<string>();
        app.Run(context =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            return answer(context);
        });
        await app.StartAsync();
        return new FakePeer(app, url, requests);
    }

    /// <summary>A <c>GET /status</c> answer of a miner on the network of <paramref name="genesisHash"/>, one block long.</summary>
    public static Task WriteStatusAsync(HttpContext context, string genesisHash, int difficulty = 3) =>
        context.Response.WriteAsJsonAsync(
            new StatusResponse("fake", 1, 0, genesisHash, genesisHash, difficulty, 0, 0, false, 0, []), MinerProcess.Json);

    /// <summary>Answers the peer endpoints like an idle miner of <paramref name="genesis"/>'s network: its status, a
    /// chain of just genesis, no neighbours, an empty pool; anything else 200 with no body.</summary>
    public static Task AnswerIdleAsync(HttpContext context, Block genesis) => context.Request.Path.Value switch
    {
        "/status" => WriteStatusAsync(context, genesis.Hash, genesis.Difficulty),
        "/chain" => context.Response.WriteAsJsonAsync(new ChainResponse([genesis], 1), MinerProcess.Json),
        "/neighbours" => context.Response.WriteAsJsonAsync(new NeighboursResponse([], 0, []), MinerProcess.Json),
        "/data" => context.Response.WriteAsJsonAsync(Array.Empty<Message>(), MinerProcess.Json),
        _ => Task.CompletedTask,
    };

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
    }
}
