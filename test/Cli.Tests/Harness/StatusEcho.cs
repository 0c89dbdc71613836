using System.Net;

namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>A stand-in peer on a loopback port that answers every request with the same body: given a miner's own
/// <c>GET /status</c>, it looks like a miner of that network, which is what a miner admits as a neighbour.</summary>
public sealed class StatusEcho : IDisposable
{
    private readonly HttpListener _listener = new();

    public StatusEcho(byte[] status)
    {
        var port = FreePorts.BaseFor(1);
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = ServeAsync(status);
    }

    public Uri Url { get; }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync(byte[] body)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // closed
            }

            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
