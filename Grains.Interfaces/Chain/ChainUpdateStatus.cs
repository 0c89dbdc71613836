namespace Orleans.Blockchain.Chain;

/// <summary>What a miner did with a block or chain offered to it.</summary>
public enum ChainUpdateStatus
{
    /// <summary>The block extended the tip.</summary>
    Appended,

    /// <summary>A longer valid chain replaced a part of ours.</summary>
    Reorganised,

    /// <summary>Valid as far as it could be checked, but not longer than ours (or already known).</summary>
    Ignored,

    /// <summary>Invalid: never stored.</summary>
    Rejected,
}
