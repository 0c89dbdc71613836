namespace Orleans.Blockchain.Cli.Miners;

/// <summary>The two processes of a miner.</summary>
internal enum MinerRole
{
    /// <summary>The Orleans silo: chain, pool, peers and the mining threads.</summary>
    Silo,

    /// <summary>The ASP.NET Core gateway: the REST API, an Orleans client of the silo.</summary>
    Gateway,
}
