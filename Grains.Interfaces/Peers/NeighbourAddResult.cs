namespace Orleans.Blockchain.Peers;

/// <summary>What the neighbour list did with a peer URL.</summary>
public enum NeighbourAddResult
{
    Added,

    /// <summary>Known already, under this URL or another one for the same host and port.</summary>
    AlreadyKnown,

    /// <summary>The configured maximum of neighbours is reached, and no learned peer is failing (so none is replaced).</summary>
    Full,

    /// <summary>Not a base http(s) URL, or the miner itself.</summary>
    Invalid,

    /// <summary>Banned (it served what no honest peer serves) or dropped lately (it failed too often); until the time given.</summary>
    Refused,

    /// <summary>It did not answer <c>GET /status</c> with this network's genesis: unreachable, not a miner, or another network.</summary>
    NotAdmitted,
}
