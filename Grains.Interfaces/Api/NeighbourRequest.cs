namespace Orleans.Blockchain.Api;

/// <summary><c>POST /neighbours</c>: a peer registers its gateway URL (gossip does this for every miner).</summary>
public sealed record NeighbourRequest(string Url);
