using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Tests.Cluster;

/// <summary>Admission without a network for grain tests: every peer answers with our genesis, except hosts named
/// <see cref="OtherNetworkHost"/>. The real check (<see cref="GenesisAdmission"/>) is tested against real processes.</summary>
public sealed class FakeAdmission : IPeerAdmission
{
    public const string OtherNetworkHost = "other-network.test";

    public Task<string?> CheckAsync(Uri peer, CancellationToken cancellation) =>
        Task.FromResult(peer.Host == OtherNetworkHost ? "it is on another network" : null);
}
