using System.Collections.Immutable;

namespace Orleans.Blockchain.Api;

/// <summary><c>/admin/partition</c>: the peers (gateway URLs) a staged partition cuts this miner off from.</summary>
public sealed record PartitionRequest(ImmutableArray<string> CutOff);
