namespace Orleans.Blockchain.Pool;

/// <summary>What the data pool did with a message.</summary>
public enum PoolAddResult
{
    /// <summary>Stored; it will be mined.</summary>
    Added,

    /// <summary>A message with this id is already in the pool.</summary>
    Duplicate,

    /// <summary>The pool is at its configured maximum; try again once blocks are mined.</summary>
    Full,

    /// <summary>Empty, too long, or not in whole milliseconds: never stored.</summary>
    Invalid,
}
