using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Network.Tests.Gateway;

/// <summary>The "gateway" collection: every endpoint test shares one real miner (silo + gateway).</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}

/// <summary>One miner with an admin key, room for test neighbours, and peers that are never dropped
/// (the test neighbours do not answer, and a dropped one would be refused for minutes).</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key";

    private readonly Lazy<Task<Guid>> _mined;
    private MinerNetwork? _network;

    public GatewayFixture() => _mined = new Lazy<Task<Guid>>(MineOneAsync);

    public MinerProcess Miner => _network?[0] ?? throw new InvalidOperationException("The miner has not started.");

    public HttpClient Http => Miner.Http;

    public async ValueTask InitializeAsync() =>
        _network = await MinerNetwork.StartAsync(1, new MinerSettings
        {
            MaxNeighbours = 10,
            Silo = new Dictionary<string, string> { ["Miner:MaxPeerFailures"] = "1000" },
            AdminKey = AdminKey,
        });

    public async ValueTask DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    /// <summary>Makes sure the chain has at least one mined block beyond genesis (once per fixture); returns the message in it.</summary>
    public Task<Guid> EnsureMinedAsync() => _mined.Value;

    private async Task<Guid> MineOneAsync()
    {
        var id = await Miner.AddAsync("fixture: a block beyond genesis");
        await Poll.UntilAsync(async () => await Miner.CountInChainAsync(id) == 1, $"message {id} to be mined");
        return id;
    }
}
