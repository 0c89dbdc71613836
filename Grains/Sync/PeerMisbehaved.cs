namespace Orleans.Blockchain.Sync;

/// <summary>A peer served what no honest miner produces (a hash or proof of work that does not check out, a block
/// that breaks a rule not involving the clock): the sync stops and the peer is banned.</summary>
public sealed class PeerMisbehaved(string reason) : Exception(reason);
