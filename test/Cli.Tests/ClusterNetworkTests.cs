using System.Text.Json;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Cli.Network;
using Orleans.Blockchain.Cli.Tests.Harness;

namespace Orleans.Blockchain.Cli.Tests;

/// <summary>Cluster mode from the launcher, as a user runs it: <c>network up --silos-per-miner K --start-redis</c>,
/// <c>status</c> and <c>down</c>; and what <c>up</c> refuses before it starts anything.</summary>
public sealed class ClusterNetworkTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DataDirectory => _directory.Path;

    [Fact]
    public async Task Several_silos_without_redis_are_one_line_exit_code_1_and_start_nothing()
    {
        var up = await BlockchainCli.RunAsync("network", "up", "--miners", "1", "--silos-per-miner", "2", "--data-dir", DataDirectory);

        Assert.Equal(1, up.ExitCode);
        Assert.Equal(
            "error: --silos-per-miner 2 needs Redis, where a miner's silos find each other and keep their state: add --start-redis, or --redis URL",
            Assert.Single(up.ErrorLines));
        Assert.Empty(Directory.EnumerateFileSystemEntries(DataDirectory));
    }

    [Theory]
    [InlineData(2, "--silos-per-miner", "0", "--start-redis")] // a setting out of range
    [InlineData(2, "--silos-per-miner", "11", "--start-redis")]
    [InlineData(1, "--redis", "127.0.0.1:6379", "--start-redis")] // two settings that exclude each other
    public async Task Bad_cluster_options_are_one_line_and_start_nothing(int exitCode, params string[] options)
    {
        var up = await BlockchainCli.RunAsync(["network", "up", "--miners", "1", .. options, "--data-dir", DataDirectory], environment: null);

        Assert.Equal(exitCode, up.ExitCode);
        Assert.StartsWith("error: --", Assert.Single(up.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(DataDirectory));
    }

    [Fact]
    public async Task Up_with_two_silos_and_its_own_redis_runs_them_all_down_stops_them_all_and_up_resumes_the_same_redis()
    {
        Assert.SkipUnless(RedisServerInstalled(), "redis-server is not installed (Debian: apt-get install redis-server)");
        var basePort = FreePorts.BaseFor(1, silosPerMiner: 2);
        var allPorts = MinerPorts.For(basePort, 2).All.Select(p => p.Port).ToList();

        try
        {
            // Up: the network's Redis, both silos and the gateway, each recorded and running.
            var started = await BlockchainCli.RunAsync(
                "network", "up", "--miners", "1", "--silos-per-miner", "2", "--start-redis", "--difficulty", "2", "--base-port", $"{basePort}", "--data-dir", DataDirectory);
            Assert.True(started.ExitCode == 0, started.WithLogsOf(DataDirectory));
            Assert.Equal([$"miner1 http://127.0.0.1:{basePort}"], started.OutputLines);
            var recorded = new ProcessRecord(DataDirectory).Load();
            Assert.Equal(
                [("miner1", MinerRole.Silo, 1), ("miner1", MinerRole.Silo, 2), ("miner1", MinerRole.Gateway, 1), ("redis", MinerRole.Redis, 1)],
                recorded.Select(p => (p.Miner, p.Role, p.Number)).Order());
            Assert.All(recorded, p => Assert.True(LiveProcess.Exists(p.Pid), $"{p.Miner} {p.Role} {p.Number} is not running"));
            Assert.All(allPorts, port => Assert.False(FreePorts.IsFree(port), $"nothing listens on port {port}"));

            // Its settings are kept, Redis with them: on loopback, with its append-only file in the network's folder.
            var settings = NetworkSettings.Load(DataDirectory)!;
            Assert.Equal((2, true), (settings.SilosPerMiner, settings.StartRedis));
            var redis = LocalRedis.At(DataDirectory, settings.Redis!);
            Assert.False(FreePorts.IsFree(redis.Port));
            Assert.True(Directory.Exists(Path.Combine(DataDirectory, "redis", "appendonlydir")), "Redis keeps no append-only file");

            // Status: every silo with its PID, and the network's Redis.
            var status = (await BlockchainCli.RunAsync("network", "status", "--data-dir", DataDirectory, "--json")).Json<JsonElement>();
            var miner = Assert.Single(status.EnumerateArray());
            Assert.Equal(
                recorded.Where(p => p.Role == MinerRole.Silo).OrderBy(p => p.Number).Select(p => (p.Pid, true)),
                miner.GetProperty("silos").EnumerateArray().Select(s => (s.GetProperty("pid").GetInt32(), s.GetProperty("running").GetBoolean())));
            Assert.Equal(recorded.Single(p => p.Role == MinerRole.Redis).Pid, miner.GetProperty("redis").GetProperty("pid").GetInt32());
            var text = await BlockchainCli.RunAsync("network", "status", "--data-dir", DataDirectory);
            Assert.Contains($"silo1 pid {Pid(recorded, MinerRole.Silo, 1)}, silo2 pid {Pid(recorded, MinerRole.Silo, 2)}", text.Output, StringComparison.Ordinal);
            Assert.Contains($"redis {settings.Redis}: pid {Pid(recorded, MinerRole.Redis, 1)}", text.Output, StringComparison.Ordinal);

            // The miner serves: a message is mined.
            var added = await BlockchainCli.RunAsync("add", "in cluster mode", "--port", $"{basePort}", "--wait", "--json");
            Assert.True(added.ExitCode == 0, added.WithLogsOf(DataDirectory));
            Assert.Equal(MessageStatus.InBlock, added.JsonLines<MessageReceipt>()[^1].Status);

            // Down: gateway, silos, then Redis; none left running, every port free, the record gone.
            var down = await BlockchainCli.RunAsync("network", "down", "--data-dir", DataDirectory);
            Assert.True(down.ExitCode == 0, down.ToString());
            Assert.Equal(
                [
                    $"stopped miner1 (silo1 pid {Pid(recorded, MinerRole.Silo, 1)}, silo2 pid {Pid(recorded, MinerRole.Silo, 2)}, gateway pid {Pid(recorded, MinerRole.Gateway, 1)})",
                    $"stopped redis (redis pid {Pid(recorded, MinerRole.Redis, 1)})",
                ],
                down.OutputLines);
            Assert.All(recorded, p => Assert.False(LiveProcess.Exists(p.Pid), $"{p.Miner} {p.Role} {p.Number} (pid {p.Pid}) still runs"));
            Assert.All([.. allPorts, redis.Port], port => Assert.True(FreePorts.IsFree(port), $"port {port} is still taken"));
            Assert.False(File.Exists(Path.Combine(DataDirectory, ProcessRecord.FileName)));

            // Up again without options: the same cluster, on the same Redis.
            var resumed = await BlockchainCli.RunAsync("network", "up", "--data-dir", DataDirectory);
            Assert.True(resumed.ExitCode == 0, resumed.WithLogsOf(DataDirectory));
            Assert.Equal(settings, NetworkSettings.Load(DataDirectory));
            Assert.Equal(4, new ProcessRecord(DataDirectory).Load().Count(p => LiveProcess.Exists(p.Pid)));
        }
        finally
        {
            var last = new ProcessRecord(DataDirectory).Load();
            Assert.Equal(0, (await BlockchainCli.RunAsync("network", "down", "--data-dir", DataDirectory)).ExitCode);
            Assert.All(last, p => Assert.False(LiveProcess.Exists(p.Pid), $"{p.Miner} {p.Role} {p.Number} (pid {p.Pid}) still runs"));
        }
    }

    public void Dispose() => _directory.Dispose();

    private static int Pid(IEnumerable<RecordedProcess> processes, MinerRole role, int number) =>
        processes.Single(p => p.Role == role && p.Number == number).Pid;

    private static bool RedisServerInstalled()
    {
        try
        {
            LocalRedis.FindProgram();
            return true;
        }
        catch (CommandException)
        {
            return false;
        }
    }
}
