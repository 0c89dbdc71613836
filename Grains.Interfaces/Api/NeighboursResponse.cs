using System.Collections.Immutable;
using Orleans.Blockchain.Peers;

namespace Orleans.Blockchain.Api;

/// <summary><c>GET /neighbours</c>: the peers' gateway URLs (the seed's shape) and, beside them, their health.</summary>
public sealed record NeighboursResponse(ImmutableArray<string> Neighbours, int Length, ImmutableArray<Neighbour> Health);
