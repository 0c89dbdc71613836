using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Orleans.Blockchain.Api;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Cli.Network;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests;

/// <summary><c>network up</c>, <c>status</c> and <c>down</c> end to end, as a user runs them.</summary>
public sealed class NetworkLifecycleTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DataDirectory => _directory.Path;

    [Fact]
    public async Task Up_starts_miners_that_share_messages_down_stops_exactly_them_and_up_resumes_what_is_not_running()
    {
        var basePort = FreePorts.BaseFor(2);
        string[] up = ["network", "up", "--miners", "2", "--difficulty", "2", "--base-port", $"{basePort}", "--data-dir", DataDirectory];

        // Up: one line per miner with its gateway URL, every process (one per miner: the silo hosts the gateway) recorded and running.
        var started = await BlockchainCli.RunAsync(up);
        Assert.True(started.ExitCode == 0, started.WithLogsOf(DataDirectory));
        Assert.Equal([$"miner1 http://127.0.0.1:{basePort}", $"miner2 http://127.0.0.1:{basePort + 1}"], started.OutputLines);
        var recorded = new ProcessRecord(DataDirectory).Load();
        Assert.Equal([MinerRole.Silo, MinerRole.Silo], recorded.Select(p => p.Role));
        Assert.All(recorded, p => Assert.True(LiveProcess.Exists(p.Pid), $"{p.Miner} {p.Role} is not running"));

        // A second up while it runs starts nothing and prints the same; moving it to other ports is refused.
        var again = await BlockchainCli.RunAsync(up);
        Assert.True(again.ExitCode == 0, again.WithLogsOf(DataDirectory));
        Assert.Equal(started.OutputLines, again.OutputLines);
        Assert.Equal(recorded, new ProcessRecord(DataDirectory).Load());
        var moved = await BlockchainCli.RunAsync("network", "up", "--base-port", $"{FreePorts.BaseFor(2)}", "--data-dir", DataDirectory);
        Assert.Equal(1, moved.ExitCode);
        Assert.Contains("take it down first", Assert.Single(moved.ErrorLines), StringComparison.Ordinal);

        // Status: both miners, their processes and their gateways' answers.
        var status = (await BlockchainCli.RunAsync("network", "status", "--data-dir", DataDirectory, "--json")).Json<JsonElement>();
        Assert.Equal(2, status.GetArrayLength());
        Assert.All(status.EnumerateArray(), miner => Assert.True(miner.GetProperty("siloRunning").GetBoolean() && miner.GetProperty("gatewayRunning").GetBoolean()));

        // A message added at one miner is mined into the other's chain.
        var id = (await BlockchainCli.RunAsync("add", "across the network", "--port", $"{basePort}", "--json")).Json<AddResponse>().Id;
        await Eventually.TrueAsync(async () => await CountInChainAsync(basePort + 1, id) == 1, "the message in miner2's chain");

        // Down of one miner stops just its processes; up restarts just those, and the miner catches up.
        var downOne = await BlockchainCli.RunAsync("network", "down", "miner2", "--data-dir", DataDirectory);
        Assert.Equal([$"stopped miner2 (silo pid {Pid(recorded, "miner2", MinerRole.Silo)})"], downOne.OutputLines);
        Assert.All(recorded, p => Assert.Equal(p.Miner == "miner1", LiveProcess.Exists(p.Pid)));
        var whileDown = (await BlockchainCli.RunAsync("add", "while miner2 is down", "--port", $"{basePort}", "--wait", "--json")).JsonLines<MessageReceipt>()[^1];
        var upOne = await BlockchainCli.RunAsync("network", "up", "--data-dir", DataDirectory);
        Assert.True(upOne.ExitCode == 0, upOne.WithLogsOf(DataDirectory));
        Assert.Contains("starting miner2 in", upOne.Error, StringComparison.Ordinal);
        recorded = new ProcessRecord(DataDirectory).Load();
        Assert.Equal([MinerRole.Silo, MinerRole.Silo], recorded.Select(p => p.Role));
        await Eventually.TrueAsync(async () => await CountInChainAsync(basePort + 1, whileDown.Id) == 1, "miner2 to catch up");

        // Down: every recorded process gone, the record removed, the ports free again.
        var down = await BlockchainCli.RunAsync("network", "down", "--data-dir", DataDirectory);
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.All(recorded, p => Assert.False(LiveProcess.Exists(p.Pid), $"{p.Miner} {p.Role} (pid {p.Pid}) still runs"));
        Assert.False(File.Exists(Path.Combine(DataDirectory, ProcessRecord.FileName)));
        Assert.All(Enumerable.Range(basePort, 2).SelectMany(p => MinerPorts.For(p).All), p => Assert.True(FreePorts.IsFree(p.Port), $"port {p.Port} is still taken"));

        // Up again on the same data directory, without repeating the settings: the same chains come back.
        var resumed = await BlockchainCli.RunAsync("network", "up", "--data-dir", DataDirectory);
        try
        {
            Assert.True(resumed.ExitCode == 0, resumed.WithLogsOf(DataDirectory));
            Assert.Equal(1, await CountInChainAsync(basePort + 1, id));
        }
        finally
        {
            var last = new ProcessRecord(DataDirectory).Load();
            Assert.Equal(0, (await BlockchainCli.RunAsync("network", "down", "--data-dir", DataDirectory)).ExitCode);
            Assert.All(last, p => Assert.False(LiveProcess.Exists(p.Pid)));
        }
    }

    [Fact]
    public async Task Up_refuses_ports_in_use_and_starts_nothing()
    {
        var basePort = FreePorts.BaseFor(2);
        using var taken = new TcpListener(IPAddress.Loopback, MinerPorts.For(basePort + 1).Silo);
        taken.Start();

        var up = await BlockchainCli.RunAsync("network", "up", "--miners", "2", "--base-port", $"{basePort}", "--data-dir", DataDirectory);

        Assert.Equal(1, up.ExitCode);
        Assert.Contains($"port {basePort + 101} (silo port of miner2) is already in use", Assert.Single(up.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDirectory, ProcessRecord.FileName)));
    }

    [Fact]
    public async Task Down_leaves_alone_a_recorded_pid_that_now_belongs_to_another_process()
    {
        using var stranger = Process.Start("sleep", "60");
        var startedAt = stranger.StartTime.ToUniversalTime();
        new ProcessRecord(DataDirectory).Save(
        [
            new RecordedProcess("miner1", MinerRole.Silo, stranger.Id, startedAt.AddMinutes(-5), "/opt/elsewhere/Orleans.Blockchain.Silo.dll"), // other start time
            new RecordedProcess("miner1", MinerRole.Gateway, stranger.Id, startedAt, "/opt/elsewhere/Orleans.Blockchain.Gateway.dll"), // other program
        ]);

        var down = await BlockchainCli.RunAsync("network", "down", "--data-dir", DataDirectory);

        try
        {
            Assert.True(down.ExitCode == 0, down.ToString());
            Assert.False(stranger.HasExited);
            Assert.Equal($"miner1: silo pid {stranger.Id} was no longer running, gateway pid {stranger.Id} was no longer running", Assert.Single(down.OutputLines));
        }
        finally
        {
            stranger.Kill();
        }
    }

    [Fact]
    public async Task Status_and_down_of_a_directory_without_a_network()
    {
        var status = await BlockchainCli.RunAsync("network", "status", "--data-dir", DataDirectory);
        var down = await BlockchainCli.RunAsync("network", "down", "--data-dir", DataDirectory);

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("no network", Assert.Single(status.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, down.ExitCode);
        Assert.Contains("no network is running", Assert.Single(down.OutputLines), StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static int Pid(IEnumerable<RecordedProcess> processes, string miner, MinerRole role) =>
        processes.Single(p => p.Miner == miner && p.Role == role).Pid;

    private static async Task<int> CountInChainAsync(int port, Guid id)
    {
        var chain = (await BlockchainCli.RunAsync("get", "chain", "--port", $"{port}", "--json")).Json<ChainResponse>();
        return chain.Chain.SelectMany(b => b.Messages).Count(m => m.Id == id);
    }
}
