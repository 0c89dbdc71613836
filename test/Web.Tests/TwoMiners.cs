using Orleans.Blockchain.Network.Tests.Harness;

namespace Orleans.Blockchain.Web.Tests;

/// <summary>Two connected miners (m0 knows m1, m1 learns m0 by gossip) shared by the tests of one class.</summary>
public sealed class TwoMiners : IAsyncLifetime
{
    private MinerNetwork? _network;

    public MinerProcess First => Network[0];

    public MinerProcess Second => Network[1];

    private MinerNetwork Network => _network ?? throw new InvalidOperationException("The miners are not started.");

    public async ValueTask InitializeAsync() => _network = await MinerNetwork.StartAsync(2, new MinerSettings { Difficulty = 3 });

    public async ValueTask DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }
}
