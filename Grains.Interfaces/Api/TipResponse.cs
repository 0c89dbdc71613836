using System.Collections.Immutable;

namespace Orleans.Blockchain.Api;

/// <summary>One entry of <c>GET /tips</c>, in the manner of Bitcoin Core's <c>getchaintips</c>.</summary>
/// <param name="Height">Height of the tip.</param>
/// <param name="Hash">Hash of the tip.</param>
/// <param name="BranchLength">Blocks from the common ancestor with our chain to this tip (0 for ours).</param>
/// <param name="Status"><c>active</c> (our chain), <c>valid-fork</c> (a neighbour's chain that parts from ours; its
/// blocks' hashes and proof of work checked out as far as we probed), or <c>invalid</c> (a neighbour caught serving an
/// invalid chain).</param>
/// <param name="Peers">The neighbours that reported this tip.</param>
public sealed record TipResponse(long Height, string Hash, long BranchLength, string Status, ImmutableArray<string> Peers);
