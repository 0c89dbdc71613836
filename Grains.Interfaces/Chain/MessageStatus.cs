namespace Orleans.Blockchain.Chain;

/// <summary>Where a message stands at one miner.</summary>
public enum MessageStatus
{
    /// <summary>The miner has never seen it.</summary>
    Unknown,

    /// <summary>Waiting in the pool to be mined.</summary>
    Pending,

    /// <summary>Recorded in a block of the chain.</summary>
    InBlock,
}
