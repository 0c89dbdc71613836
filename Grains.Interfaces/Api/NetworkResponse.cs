using System.Collections.Immutable;
using Orleans.Blockchain.Sync;

namespace Orleans.Blockchain.Api;

/// <summary><c>GET /network</c>: this miner's last blocks beside its neighbours', as its chain sync last saw them
/// (for the web page's network view).</summary>
public sealed record NetworkResponse(string Name, long Height, string TipHash, ImmutableArray<BlockDigest> Recent, ImmutableArray<PeerChain> Peers);
