using System.Text.Json;
using Orleans.Blockchain.Cli.Commands;
using Orleans.Blockchain.Cli.Gateway;
using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Cli.Network;

namespace Orleans.Blockchain.Cli.Tests.Units;

/// <summary>Cluster mode in the launcher: several silos per miner, their ports, Redis, and what <c>network up</c> accepts.</summary>
public sealed class ClusterPlanTests
{
    [Fact]
    public void One_silo_keeps_the_port_plan_as_it_was_and_serves_metrics_at_the_gateway_it_hosts()
    {
        var ports = MinerPorts.For(5003);

        Assert.Equal(new MinerPorts(5003, 5103, 5203), ports);
        Assert.True(ports.SiloHostsGateway);
        Assert.Equal([(5003, "gateway HTTP"), (5103, "silo"), (5203, "silo gateway")], ports.All);
        Assert.Equal(new Uri("http://127.0.0.1:5003/metrics"), ports.MetricsUrl(1));
        Assert.Equal([new SiloPorts(1, 5103, 5203)], ports.Silos);
    }

    [Fact]
    public void Each_further_silo_takes_the_next_two_blocks_of_a_hundred()
    {
        var ports = MinerPorts.For(5003, silos: 3);

        Assert.Equal([new SiloPorts(1, 5103, 5203), new SiloPorts(2, 5303, 5403), new SiloPorts(3, 5503, 5603)], ports.Silos);
        Assert.Equal(
            [
                (5003, "gateway HTTP"), (5103, "silo1"), (5203, "silo1 gateway"), (7103, "silo1 metrics"), (5303, "silo2"), (5403, "silo2 gateway"),
                (7203, "silo2 metrics"), (5503, "silo3"), (5603, "silo3 gateway"), (7303, "silo3 metrics"),
            ],
            ports.All);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(MinerPorts.MaxSilos)]
    public void No_two_ports_of_the_largest_network_meet(int silos)
    {
        var miners = new NetworkSettings(NetworkSettings.MaxMiners, 4, 5000, 1, silos, "127.0.0.1:6379").PlanMiners("/net", null);

        var ports = miners.SelectMany(m => m.Ports.All).Select(p => p.Port).ToList();

        // The gateway's HTTP port, and each silo's pair; a metrics port per silo only when the miner has several.
        Assert.Equal(NetworkSettings.MaxMiners * (1 + (silos == 1 ? 2 : 3 * silos)), ports.Count);
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.Equal(5000 + MinerPorts.HighestOffset(silos) + NetworkSettings.MaxMiners - 1, ports.Max());
    }

    [Fact]
    public void Ports_that_do_not_fit_all_silos_are_refused()
    {
        MinerPorts.For(65_535 - 2_100);
        var refused = Assert.Throws<InvalidSettingException>(() => MinerPorts.For(65_535 - 2_100, silos: 2));
        Assert.Contains("its 2 silos also use it +100 to +2200", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_silo_gets_the_miners_name_data_and_redis_with_its_own_ports_and_the_gateway_gets_redis()
    {
        var miner = Assert.Single(new NetworkSettings(1, 3, 5000, 2, SilosPerMiner: 2, Redis: "127.0.0.1:6400", StartRedis: true).PlanMiners("/net", null));

        Assert.Equal(
        [
            "--Miner:Name=miner1", "--Miner:GatewayPort=5400", $"--Miner:DataDirectory={Path.Combine("/net", "miner1")}", "--Miner:Difficulty=3",
            "--Miner:SiloPort=5300", "--Miner:MetricsPort=7200", "--Miner:PublicUrl=http://127.0.0.1:5000/", "--Miner:MiningThreads=2", "--Miner:Redis=127.0.0.1:6400",
        ], miner.ArgumentsFor(MinerRole.Silo, silo: 2));
        Assert.Contains("--Miner:SiloPort=5100", miner.ArgumentsFor(MinerRole.Silo, silo: 1));
        Assert.Equal(["--Miner:Name=miner1", "--Miner:GatewayPort=5200", "--Urls=http://127.0.0.1:5000", "--Miner:Redis=127.0.0.1:6400"], miner.ArgumentsFor(MinerRole.Gateway));
        Assert.Equal(["silo1", "silo2", "gateway"], miner.Processes.Select(p => p.Name));
        Assert.Equal(["silo1.log", "silo2.log", "gateway.log"], miner.Processes.Select(p => p.LogFileName));
        Assert.Equal([false, false, true], miner.Processes.Select(p => p.ServesGateway));
        Assert.DoesNotContain("--Miner:HostGateway=true", miner.ArgumentsFor(MinerRole.Silo, silo: 1));
    }

    [Fact]
    public void Without_redis_the_miner_is_one_silo_named_as_before_which_hosts_the_gateway()
    {
        var miner = Assert.Single(new NetworkSettings(1, 3, 5000, 1).PlanMiners("/net", null));

        Assert.Equal(["silo"], miner.Processes.Select(p => p.Name));
        Assert.DoesNotContain(miner.ArgumentsFor(MinerRole.Silo), a => a.Contains("Redis", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_silos_without_redis_are_refused_in_one_line()
    {
        var refused = Assert.Throws<CommandException>(() => NetworkSettingsRules.Check(new(1, 4, 5000, 1, SilosPerMiner: 2), previous: null, "/net"));

        Assert.Equal("--silos-per-miner 2 needs Redis, where a miner's silos find each other and keep their state: add --start-redis, or --redis URL", refused.Message);
        NetworkSettingsRules.Check(new(1, 4, 5000, 1, SilosPerMiner: 2, StartRedis: true), previous: null, "/net");
        NetworkSettingsRules.Check(new(1, 4, 5000, 1, SilosPerMiner: 2, Redis: "redis.example:6379"), previous: null, "/net");
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(MinerPorts.MaxSilos + 1, "127.0.0.1:6379")]
    [InlineData(1, "")]
    [InlineData(1, "127.0.0.1: 6379")]
    public void Silo_counts_out_of_range_and_blank_redis_urls_are_refused(int silos, string? redis) =>
        Assert.Throws<InvalidSettingException>(() => NetworkSettingsRules.Check(new(1, 4, 5000, 1, silos, redis), previous: null, "/net"));

    [Fact]
    public void Up_without_options_keeps_last_times_settings_and_defaults_to_one_silo_with_files()
    {
        var fresh = NetworkUpCommand.Choose(null, null, null, null, null, null, null, startRedis: false);
        Assert.Equal(new NetworkSettings(3, 4, 5000, 1, 1, null, false), fresh);

        var previous = new NetworkSettings(2, 3, 6000, 0, 2, "127.0.0.1:40000", true);
        Assert.Equal(previous, NetworkUpCommand.Choose(previous, null, null, null, null, null, null, startRedis: false));
        Assert.Equal(previous, NetworkUpCommand.Choose(previous, null, null, null, null, null, null, startRedis: true));
        Assert.Equal(previous with { SilosPerMiner = 3 }, NetworkUpCommand.Choose(previous, null, null, null, null, 3, null, startRedis: false));
    }

    [Fact]
    public void Redis_options_switch_between_a_redis_of_your_own_and_the_networks_own()
    {
        var own = new NetworkSettings(2, 3, 6000, 0, 2, "127.0.0.1:40000", true);
        var external = NetworkUpCommand.Choose(own, null, null, null, null, null, "redis.example:6379", startRedis: false);
        Assert.Equal(own with { Redis = "redis.example:6379", StartRedis = false }, external);

        // Back to a network Redis: a new one, whose port the launcher chooses when it starts it.
        Assert.Equal(external with { Redis = null, StartRedis = true }, NetworkUpCommand.Choose(external, null, null, null, null, null, null, startRedis: true));

        var both = Assert.Throws<CommandException>(() => NetworkUpCommand.Choose(null, null, null, null, null, 2, "127.0.0.1:6379", startRedis: true));
        Assert.Contains("--redis and --start-redis exclude each other", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_networks_redis_gets_a_free_port_outside_the_plan_and_keeps_it()
    {
        var url = LocalRedis.ChooseUrl([5000, 5100, 5200]);
        var redis = LocalRedis.At("/net", url);

        Assert.Equal(url, redis.Url);
        Assert.True(PortAvailability.IsFree(redis.Port));
        Assert.Equal(Path.Combine("/net", "redis"), redis.DataDirectory);
        Assert.Throws<CommandException>(() => LocalRedis.At("/net", "redis.example:6379"));
    }

    [Fact]
    public void The_networks_redis_keeps_every_write_in_its_append_only_file_on_loopback()
    {
        var start = new LocalRedis("/net", 40001).StartInfo("/usr/bin/redis-server");
        var arguments = string.Join(' ', start.ArgumentList);

        Assert.Contains("--port 40001 --bind 127.0.0.1", arguments, StringComparison.Ordinal);
        Assert.Contains("--appendonly yes --appendfsync always", arguments, StringComparison.Ordinal);
        Assert.Contains($"--dir {Path.Combine("/net", "redis")}", arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_and_settings_written_before_cluster_mode_still_read()
    {
        var process = JsonSerializer.Deserialize<RecordedProcess>(
            """{"miner":"miner1","role":"Silo","pid":42,"startedAt":"2026-01-01T00:00:00+00:00","program":"/x/Orleans.Blockchain.Silo.dll"}""", GatewayJson.Options)!;
        var settings = JsonSerializer.Deserialize<NetworkSettings>("""{"miners":2,"difficulty":3,"basePort":5000,"miningThreads":1}""", GatewayJson.Options)!;

        Assert.Equal(1, process.Number);
        Assert.Equal(new NetworkSettings(2, 3, 5000, 1, 1, null, false), settings);
    }
}
