using System.Net;
using System.Net.Sockets;

namespace Orleans.Blockchain.Cli.Miners;

/// <summary>Waits, with a deadline, for a miner's processes to be ready, giving up at once when one has exited.
/// <c>exited</c> (in each method) says why the miner cannot become ready, or null while it can;
/// <c>logs</c> says where to look when it does not.</summary>
internal static class MinerReadiness
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Until this silo of the miner accepts gateways' connections: it has joined the miner's cluster.</summary>
    public static Task WaitForSiloAsync(MinerProcess silo, Func<string?> exited, string logs, TimeSpan timeout, CancellationToken cancellation) =>
        WaitAsync(silo.Miner, exited, logs, timeout, $"its {silo.Name} was not listening on port {silo.SiloPorts.Gateway}", async token =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, silo.SiloPorts.Gateway, token);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, cancellation);

    /// <summary>Until the gateway answers <c>GET /health</c> with 200: it has reached its silo and can serve.</summary>
    public static async Task WaitForGatewayAsync(MinerSpec miner, Func<string?> exited, string logs, TimeSpan timeout, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = miner.Url, Timeout = TimeSpan.FromSeconds(2) };
        await WaitAsync(miner, exited, logs, timeout, $"it was not ready at {miner.Url}health", async token =>
        {
            try
            {
                using var response = await http.GetAsync("health", token);
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !token.IsCancellationRequested))
            {
                return false; // not listening yet: the gateway opens its port once it has reached the silo
            }
        }, cancellation);
    }

    private static async Task WaitAsync(
        MinerSpec miner, Func<string?> exited, string logs, TimeSpan timeout, string notReady, Func<CancellationToken, Task<bool>> isReady, CancellationToken cancellation)
    {
        var ready = await Poll.UntilAsync(
            token => exited() is { } reason ? throw new CommandException($"{miner.Name} did not start: {reason}; see {logs}") : isReady(token),
            timeout, Interval, cancellation);
        if (!ready)
        {
            throw new CommandException($"{miner.Name} did not start: {notReady} within {timeout.TotalSeconds:0} s; see {logs}");
        }
    }
}
