using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Api;

/// <summary><c>POST /blocks</c>: a peer announces a block it mined or adopted; <paramref name="From"/> is its
/// gateway URL, so a miner that cannot attach the block knows whom to sync with.</summary>
public sealed record BlockAnnouncement(Block Block, string? From);
