namespace Orleans.Blockchain.Chain;

/// <summary>What a miner did with a block or chain offered to it.</summary>
public enum ChainUpdateStatus
{
    /// <summary>The block extended the tip.</summary>
    Appended,

    /// <summary>A chain that wins the fork choice replaced a part of ours.</summary>
    Reorganised,

    /// <summary>Valid as far as it could be checked, but it does not win the fork choice (or is already known, or
    /// not yet valid by this miner's clock).</summary>
    Ignored,

    /// <summary>Invalid: never stored. Only for faults no honest miner produces, so the sender may be banned.</summary>
    Rejected,

    /// <summary>Its proof of work checks out and its chain would win the fork choice, but this miner lacks the blocks
    /// below it: fetch that chain from whoever sent the block.</summary>
    Orphan,
}
