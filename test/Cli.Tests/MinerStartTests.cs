using Orleans.Blockchain.Api;
using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests;

/// <summary><c>miner start CHAIN_PATH</c>: one miner in the foreground until Ctrl-C.</summary>
public sealed class MinerStartTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Runs_the_miner_named_by_its_chain_file_until_ctrl_c_then_stops_both_processes()
    {
        var port = FreePorts.BaseFor(1);
        var chainPath = Path.Combine(_directory.Path, "data", "alice.chain");
        using var miner = BlockchainCli.Start(["miner", "start", chainPath, "--port", $"{port}", "--difficulty", "1", "--threads", "1"]);
        var stderr = miner.StandardError.ReadToEndAsync();

        try
        {
            await WaitForLineAsync(miner, $"alice is ready at http://127.0.0.1:{port}/");
            var status = (await BlockchainCli.RunAsync("get", "status", "--port", $"{port}", "--json")).Json<StatusResponse>();
            Assert.Equal("alice", status.Name);
            Assert.Equal(1, status.Difficulty);
            Assert.True(File.Exists(chainPath), "the chain file is where CHAIN_PATH says");

            await Signal.InterruptAsync(miner);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            await miner.WaitForExitAsync(deadline.Token);

            Assert.True(miner.ExitCode == 0, await stderr);
            Assert.All(MinerPorts.For(port).All, p => Assert.True(FreePorts.IsFree(p.Port), $"port {p.Port} is still taken: a miner process survived"));
        }
        finally
        {
            if (!miner.HasExited)
            {
                miner.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task A_port_in_use_is_refused_before_anything_starts()
    {
        var port = FreePorts.BaseFor(1);
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        taken.Start();

        var start = await BlockchainCli.RunAsync("miner", "start", Path.Combine(_directory.Path, "bob.chain"), "--port", $"{port}");

        Assert.Equal(1, start.ExitCode);
        Assert.Contains($"port {port} (gateway HTTP port of bob) is already in use", Assert.Single(start.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Reads the miner's output until a line starts with <paramref name="prefix"/> (its own logs come first).</summary>
    private static async Task WaitForLineAsync(System.Diagnostics.Process process, string prefix)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                // Keep draining its output, so the miner never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"the miner exited before printing '{prefix}'");
    }
}
