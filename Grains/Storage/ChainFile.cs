using System.Collections.Immutable;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Storage;

/// <summary>The content of <c>&lt;name&gt;.chain</c> and its older versions: the same shape as <c>GET /chain</c>.</summary>
public sealed record ChainFile(ImmutableArray<Block> Chain, int Length);
