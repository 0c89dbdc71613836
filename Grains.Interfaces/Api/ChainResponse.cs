using System.Collections.Immutable;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Api;

/// <summary><c>GET /chain</c>: the blocks asked for (all, or from a height on) and how many they are.</summary>
public sealed record ChainResponse(ImmutableArray<Block> Chain, int Length);
