namespace Orleans.Blockchain.Peers;

/// <summary>What the neighbour list did with a peer URL.</summary>
public enum NeighbourAddResult
{
    Added,
    AlreadyKnown,
    /// <summary>The configured maximum of neighbours is reached.</summary>
    Full,
    /// <summary>Not an absolute http(s) URL with a host, the miner itself, or a banned peer.</summary>
    Invalid,
}
