using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Api;

/// <summary>The answer to <c>POST /blocks</c>: what the miner did with the block.</summary>
public sealed record AnnouncementResponse(ChainUpdateStatus Status, string? Reason, long Height);
