namespace Orleans.Blockchain.Cli.Network;

/// <summary>The Redis a network in cluster mode uses, as <c>network status</c> sees it: where it is, and when the network
/// started it itself (<c>--start-redis</c>), its process. A Redis of your own (<c>--redis</c>) has no process here.</summary>
internal sealed record RedisState(string Url, bool StartedByNetwork, int? Pid, bool Running);
