using Microsoft.AspNetCore.Http;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>A fake peer (<see cref="FakePeer"/>) that serves a valid chain of the test's making, in small pages, and
/// can switch to another chain at any moment (as an honest miner does when it reorganises).</summary>
public sealed class ChainPeer : IAsyncDisposable
{
    private readonly int _pageBlocks;
    private FakePeer? _peer;
    private volatile IReadOnlyList<Block> _chain;

    private ChainPeer(IReadOnlyList<Block> chain, int pageBlocks) => (_chain, _pageBlocks) = (chain, pageBlocks);

    public Uri Url => _peer!.Url;

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
        var peer = new ChainPeer(chain, pageBlocks);
        peer._peer = await FakePeer.StartAsync(peer.AnswerAsync);
        return peer;
    }

    public ValueTask DisposeAsync() => _peer?.DisposeAsync() ?? ValueTask.CompletedTask;

    private Task AnswerAsync(HttpContext context)
    {
        var chain = _chain;
        return context.Request.Path.Value switch
        {
            "/status" => context.Response.WriteAsJsonAsync(
                new StatusResponse("honest", chain.Count, chain.Count - 1, chain[^1].Hash, chain[0].Hash, chain[0].Difficulty, 0, 0, false, 0, []),
                MinerProcess.Json),
            "/chain" => WritePageAsync(context),
            _ => FakePeer.AnswerIdleAsync(context, chain[0]),
        };
    }

    private Task WritePageAsync(HttpContext context)
    {
        var from = int.TryParse(context.Request.Query["from"], out var f) ? f : 0;
        var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : int.MaxValue;
        BeforePage?.Invoke(from, limit);
        var chain = _chain;
        if (HugePageBytes > 0)
        {
            var below = chain[Math.Clamp(from - 1, 0, chain.Count - 1)];
            var huge = new Block(from, below.Timestamp, [new Message(Guid.NewGuid(), new string('x', HugePageBytes), below.Timestamp)], below.Hash, below.Difficulty, 0, new string('0', 64));
            return context.Response.WriteAsJsonAsync(new ChainResponse([huge], 1), MinerProcess.Json);
        }

        var page = chain.Skip(from).Take(Math.Min(limit, _pageBlocks)).ToList();
        long? next = from + page.Count < chain.Count ? from + page.Count : null;
        return context.Response.WriteAsJsonAsync(new ChainResponse([.. page], page.Count, next), MinerProcess.Json);
    }
}
