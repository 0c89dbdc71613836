using Orleans.Concurrency;

namespace Orleans.Blockchain.Mining;

/// <summary>The mining loop of one silo, told by the miner's status grain when to drop or start a search,
/// so that a tip found on one silo stops the search on every other at once.</summary>
[Alias("IMiningObserver")]
public interface IMiningObserver : IGrainObserver
{
    /// <summary>The chain has a new tip: the current search is stale.</summary>
    [Alias("TipChanged"), OneWay]
    Task TipChangedAsync();

    /// <summary>The pool has new messages: an idle silo has work.</summary>
    [Alias("PoolChanged"), OneWay]
    Task PoolChangedAsync();
}
