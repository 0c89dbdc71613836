using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Peers;

/// <summary>A peer joins only once it answers <c>GET /status</c> with this network's genesis: an address that is not a
/// miner, or a miner of another network, never takes a slot (nor is gossiped on from here).</summary>
public sealed class GenesisAdmission(PeerClient peers, ChainRules rules) : IPeerAdmission
{
    public async Task<string?> CheckAsync(Uri peer, CancellationToken cancellation)
    {
        try
        {
            var status = await peers.GetStatusAsync(peer, cancellation);
            return status.GenesisHash == rules.Genesis.Hash
                ? null
                : $"it is on another network: its genesis is {status.GenesisHash}, ours {rules.Genesis.Hash}";
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return $"it did not answer GET /status like a miner: {PeerText.ForLog(e.Message)}";
        }
    }
}
