using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>A fake peer on a loopback port that misbehaves in one way on every peer endpoint.</summary>
public sealed class HostilePeer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostilePeer(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public enum Behaviour
    {
        /// <summary>Answers 200 with bytes that are not JSON.</summary>
        Garbage,

        /// <summary>Accepts the connection and never answers.</summary>
        Hang,

        /// <summary>Claims a much longer chain of the same network and serves blocks whose hashes are forged.</summary>
        InvalidChain,

        /// <summary>Answers with far more bytes than a miner accepts from a peer.</summary>
        Huge,
    }

    public Uri Url { get; }

    /// <summary>Starts the peer; <paramref name="genesis"/> lets an invalid chain look like the victim's network.</summary>
    public static async Task<HostilePeer> StartAsync(Behaviour behaviour, Block genesis)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var forged = Forge(genesis, 50);
        // Each answers GET /status like a miner of the victim's network (the forger with its longer chain): that is
        // how a peer gets in. It misbehaves everywhere else.
        app.Run(context => (behaviour, context.Request.Path.Value) switch
        {
            (not Behaviour.InvalidChain, "/status") => FakePeer.WriteStatusAsync(context, genesis.Hash, genesis.Difficulty),
            (Behaviour.Garbage, _) => context.Response.WriteAsync("{ this is not json ]]"),
            (Behaviour.Hang, _) => Task.Delay(Timeout.Infinite, context.RequestAborted),
            (Behaviour.Huge, _) => WriteHugeAsync(context),
            _ => WriteInvalidChainAsync(context, genesis, forged),
        });
        await app.StartAsync();
        return new HostilePeer(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
    }

    private static Task WriteInvalidChainAsync(HttpContext context, Block genesis, List<Block> forged) => context.Request.Path.Value switch
    {
        "/status" => context.Response.WriteAsJsonAsync(
            new StatusResponse("hostile", forged.Count, forged.Count - 1, forged[^1].Hash, genesis.Hash, genesis.Difficulty, 0, 0, false, 0, []),
            MinerProcess.Json),
        "/chain" => context.Response.WriteAsJsonAsync(new ChainResponse([.. forged.Skip(From(context))], forged.Count - From(context)), MinerProcess.Json),
        "/neighbours" => context.Response.WriteAsJsonAsync(new NeighboursResponse([], 0, []), MinerProcess.Json),
        _ => context.Response.WriteAsJsonAsync(Array.Empty<Message>(), MinerProcess.Json),
    };

    private static async Task WriteHugeAsync(HttpContext context)
    {
        // A JSON array of 8 MB of messages: well-formed, just too big.
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("[");
        var message = JsonSerializer.Serialize(new Message(Guid.NewGuid(), new string('x', 1000), DateTimeOffset.UnixEpoch), MinerProcess.Json);
        for (var i = 0; i < 8_000; i++)
        {
            await context.Response.WriteAsync((i == 0 ? "" : ",") + message);
        }

        await context.Response.WriteAsync("]");
    }

    private static int From(HttpContext context) =>
        int.TryParse(context.Request.Query["from"], out var from) ? Math.Clamp(from, 0, 50) : 0;

    /// <summary>Blocks that link and look mined (leading zeros) but whose hashes cover nothing.</summary>
    private static List<Block> Forge(Block genesis, int length)
    {
        var chain = new List<Block> { genesis };
        for (var i = 1; i < length; i++)
        {
            var hash = new string('0', genesis.Difficulty) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64 - genesis.Difficulty, 'a');
            chain.Add(new Block(i, genesis.Timestamp, [new Message(Guid.NewGuid(), $"forged {i}", genesis.Timestamp)], chain[^1].Hash, genesis.Difficulty, 0, hash));
        }

        return chain;
    }
}
