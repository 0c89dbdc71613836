using Orleans.Blockchain.Cli.Miners;
using Orleans.Blockchain.Cli.Network;

namespace Orleans.Blockchain.Cli.Tests.Units;

public sealed class NetworkPlanTests
{
    [Fact]
    public void Miners_are_numbered_from_one_with_ports_from_the_base_and_wired_as_a_ring()
    {
        var miners = new NetworkSettings(Miners: 3, Difficulty: 4, BasePort: 5000, MiningThreads: 1).PlanMiners("/net", adminKey: null);

        Assert.Equal(["miner1", "miner2", "miner3"], miners.Select(m => m.Name));
        Assert.Equal(new MinerPorts(5001, 5101, 5201), miners[1].Ports);
        Assert.Equal(Path.Combine("/net", "miner2"), miners[1].DataDirectory);
        Assert.Equal(["http://127.0.0.1:5001/", "http://127.0.0.1:5002/", "http://127.0.0.1:5000/"], miners.Select(m => Assert.Single(m.Neighbours).ToString()));
    }

    [Fact]
    public void A_single_miner_has_no_neighbour() =>
        Assert.Empty(Assert.Single(new NetworkSettings(1, 4, 5000, 1).PlanMiners("/net", null)).Neighbours);

    [Fact]
    public void Ports_that_do_not_fit_are_refused() =>
        Assert.Throws<InvalidSettingException>(() => MinerPorts.For(65_400));

    [Fact]
    public void The_one_silo_gets_every_setting_hosts_the_gateway_and_alone_gets_the_admin_key_by_environment()
    {
        var miner = new MinerSpec("alice", "/data", MinerPorts.For(5000), 3, [new Uri("http://127.0.0.1:5001/")], 2, "secret");

        var silo = Assert.Single(miner.Processes);
        Assert.Equal(
        [
            "--Miner:Name=alice", "--Miner:GatewayPort=5200", "--Miner:DataDirectory=/data", "--Miner:Difficulty=3", "--Miner:SiloPort=5100",
            "--Miner:HostGateway=true", "--Urls=http://127.0.0.1:5000",
            "--Miner:PublicUrl=http://127.0.0.1:5000/", "--Miner:MiningThreads=2", "--Miner:Neighbours:0=http://127.0.0.1:5001/",
        ], silo.Arguments);
        Assert.True(silo.ServesGateway);
        Assert.Equal("secret", silo.Environment[MinerSpec.AdminKeySetting]);
        Assert.DoesNotContain(silo.Arguments, a => a.Contains("secret", StringComparison.Ordinal));
        Assert.Equal([(5000, "gateway HTTP"), (5100, "silo"), (5200, "silo gateway")], silo.Ports);
        Assert.Equal(new Uri("http://127.0.0.1:5000/metrics"), miner.Ports.MetricsUrl(1));
    }

    [Fact]
    public void A_resumed_network_cannot_change_its_difficulty() =>
        Assert.Throws<CommandException>(() => NetworkSettingsRules.Check(new(2, 3, 5000, 1), previous: new(2, 2, 5000, 1), "/net"));

    [Theory]
    [InlineData("127.0.0.1:5001", "http://127.0.0.1:5001/")]
    [InlineData("http://localhost:5002", "http://localhost:5002/")]
    [InlineData(" https://peer.example/ ", "https://peer.example/")]
    public void Peers_are_host_port_or_urls(string text, string expected) =>
        Assert.Equal(expected, PeerAddress.Parse(text).ToString());

    [Fact]
    public void Peer_lists_are_comma_separated_and_bad_peers_are_refused()
    {
        Assert.Equal(2, PeerAddress.ParseList("127.0.0.1:5001, 127.0.0.1:5002").Count);
        Assert.Empty(PeerAddress.ParseList(null));
        Assert.Throws<CommandException>(() => PeerAddress.Parse("ftp://127.0.0.1:21"));
    }
}
