using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>A real <c>redis-server</c> (Debian's package) on a free loopback port, with its append-only file in a
/// folder of its own, as the README tells users to run it. It can be stopped and started again on the same port
/// and data; only the process it started is ever stopped.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Program = "/usr/bin/redis-server";

    private readonly string _directory;
    private Process? _process;

    public RedisServer(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    public static bool IsInstalled => File.Exists(Program);

    public int Port { get; } = FreePort.Next();

    /// <summary>The connection string silos and gateways take.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory,
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Poll.UntilAsync(() => Task.FromResult(Answers()), $"redis-server on port {Port}", TimeSpan.FromSeconds(20));
    }

    /// <summary>Stops the server the way an operator does (SIGTERM: it flushes its append-only file and exits).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(deadline.Token);
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private bool Answers()
    {
        if (_process is null || _process.HasExited)
        {
            throw new InvalidOperationException($"redis-server exited at start (port {Port})");
        }

        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
