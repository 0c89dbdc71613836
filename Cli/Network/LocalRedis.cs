using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Blockchain.Cli.Network;

/// <summary>The Redis server a network started with <c>--start-redis</c> owns: <c>redis-server</c> on a loopback port
/// chosen free the first time and kept in <c>network.json</c> (so resumed silos find it where they left it), its data
/// in the network's <c>redis/</c> folder with the append-only file on and flushed on every write (a restart of Redis
/// loses nothing), its log in <c>redis/redis.log</c>. One Redis serves all miners: each keeps its keys under its cluster id.</summary>
internal sealed class LocalRedis(string networkDirectory, int port)
{
    /// <summary>What the process record and <c>network status</c> call it.</summary>
    public const string Name = "redis";

    private const string Host = "127.0.0.1";
    private const string Program = "redis-server";
    private const string DebianProgram = "/usr/bin/redis-server";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);

    public int Port => port;

    public string Url => Address(port);

    public string DataDirectory => Path.Combine(networkDirectory, Name);

    public string LogPath => Path.Combine(DataDirectory, $"{Name}.log");

    /// <summary>The network's Redis at <paramref name="url"/>, which this launcher wrote as <c>127.0.0.1:PORT</c>.</summary>
    public static LocalRedis At(string networkDirectory, string url)
    {
        const string prefix = Host + ":";
        return url.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(url[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= ushort.MaxValue
            ? new LocalRedis(networkDirectory, port)
            : throw new CommandException($"the network's own Redis must be at {prefix}PORT, not {url}; fix {NetworkSettings.FileName} in {networkDirectory} or delete it");
    }

    /// <summary>A free loopback port the OS offers, other than any of <paramref name="planned"/> (free now, taken once the miners start).</summary>
    public static string ChooseUrl(IReadOnlyCollection<int> planned)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!planned.Contains(port))
            {
                return Address(port);
            }
        }

        throw new CommandException("found no free loopback port for Redis");
    }

    /// <summary>Debian's <c>/usr/bin/redis-server</c>, else the first on PATH.</summary>
    public static string FindProgram() =>
        (File.Exists(DebianProgram) ? DebianProgram : null)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, Program)).FirstOrDefault(File.Exists)
        ?? throw new CommandException($"--start-redis needs {Program} (Debian: apt-get install redis-server); or give --redis URL of a Redis you run");

    /// <summary>In the foreground (<see cref="DetachedProcess"/> detaches it), on loopback only. It keeps its command line
    /// as started (no process title), so <see cref="ProcessIdentity"/> can still tell it is the one we started.</summary>
    public ProcessStartInfo StartInfo(string program)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, WorkingDirectory = DataDirectory };
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", Host, "--dir", DataDirectory,
            "--appendonly", "yes", "--appendfsync", "always", "--daemonize", "no", "--set-proc-title", "no",
        })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Until it answers PING with PONG (while it replays its append-only file it answers LOADING instead).
    /// <paramref name="exited"/> says why it cannot become ready, or null while it can.</summary>
    public async Task WaitUntilReadyAsync(Func<string?> exited, TimeSpan timeout, CancellationToken cancellation)
    {
        var ready = await Poll.UntilAsync(
            token => exited() is { } reason ? throw new CommandException($"Redis did not start: {reason}; see {LogPath}") : AnswersPingAsync(token),
            timeout, Interval, cancellation);
        if (!ready)
        {
            throw new CommandException($"Redis did not start: it did not answer on {Url} within {timeout.TotalSeconds:0} s; see {LogPath}");
        }
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellation)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        attempt.CancelAfter(AskTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), attempt.Token);
            var answer = new byte[64];
            var read = await stream.ReadAsync(answer, attempt.Token);
            return Encoding.ASCII.GetString(answer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            return false;
        }
    }

    private static string Address(int port) => $"{Host}:{port.ToString(CultureInfo.InvariantCulture)}";
}
