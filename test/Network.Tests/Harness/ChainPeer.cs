using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>A fake peer on a loopback port that serves a valid chain of the test's making, in small pages, and can
/// switch to another chain at any moment (as an honest miner does when it reorganises).</summary>
public sealed class ChainPeer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile IReadOnlyList<Block> _chain;

    private ChainPeer(WebApplication app, Uri url, IReadOnlyList<Block> chain) => (_app, Url, _chain) = (app, url, chain);

    public Uri Url { get; }

    /// <summary>Called before each page of <c>GET /chain?from=H&amp;limit=N</c> is served, with H and N.</summary>
    public Action<int, int>? BeforePage { get; set; }

    /// <summary>Answers every <c>GET /chain</c> with one block carrying a message of this many bytes (0: honest pages).
    /// The block's hash is forged: no miner can tell before reading the whole answer.</summary>
    public int HugePageBytes { get; set; }

    public IReadOnlyList<Block> Chain
    {
        get => _chain;
        set => _chain = value;
    }

    public static async Task<ChainPeer> StartAsync(IReadOnlyList<Block> chain, int pageBlocks)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var peer = new ChainPeer(app, url, chain);
        app.Run(context =>
        {
            var served = peer._chain;
            return context.Request.Path.Value switch
            {
                "/status" => context.Response.WriteAsJsonAsync(
                    new StatusResponse("honest", served.Count, served.Count - 1, served[^1].Hash, served[0].Hash, served[0].Difficulty, 0, 0, false, 0, []),
                    MinerProcess.Json),
                "/chain" => WritePageAsync(context),
                "/neighbours" when context.Request.Method == "GET" => context.Response.WriteAsJsonAsync(new NeighboursResponse([], 0, []), MinerProcess.Json),
                "/data" => context.Response.WriteAsJsonAsync(Array.Empty<Message>(), MinerProcess.Json),
                _ => context.Response.WriteAsJsonAsync(new { }, MinerProcess.Json),
            };

            Task WritePageAsync(HttpContext context)
            {
                var from = int.TryParse(context.Request.Query["from"], out var f) ? f : 0;
                var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : int.MaxValue;
                peer.BeforePage?.Invoke(from, limit);
                if (peer.HugePageBytes > 0)
                {
                    var below = peer._chain[Math.Clamp(from - 1, 0, peer._chain.Count - 1)];
                    var huge = new Block(from, below.Timestamp, [new Message(Guid.NewGuid(), new string('x', peer.HugePageBytes), below.Timestamp)], below.Hash, below.Difficulty, 0, new string('0', 64));
                    return context.Response.WriteAsJsonAsync(new ChainResponse([huge], 1), MinerProcess.Json);
                }
                var chain = peer._chain;
                var page = chain.Skip(from).Take(Math.Min(limit, pageBlocks)).ToList();
                long? next = from + page.Count < chain.Count ? from + page.Count : null;
                return context.Response.WriteAsJsonAsync(new ChainResponse([.. page], page.Count, next), MinerProcess.Json);
            }
        });
        await app.StartAsync();
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
    }
}
