namespace Orleans.Blockchain.Cli.Miners;

/// <summary>The processes of a miner, and the one process a local network may run for all its miners.</summary>
internal enum MinerRole
{
    /// <summary>An Orleans silo: chain, pool, peers and the mining threads. A miner in cluster mode runs several.</summary>
    Silo,

    /// <summary>The ASP.NET Core gateway: the REST API, an Orleans client of the miner's silos.</summary>
    Gateway,

    /// <summary>Not a miner's: the Redis server a network started with <c>--start-redis</c> owns, shared by all its miners.</summary>
    Redis,
}
