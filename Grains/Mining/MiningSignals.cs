namespace Orleans.Blockchain.Mining;

/// <summary>What the miner of a silo listens to: a new tip stops the current search at once, new pool
/// messages wake an idle miner. Grains raise them; a singleton per silo.</summary>
public sealed class MiningSignals
{
    public ChangeSignal TipChanged { get; } = new();

    public ChangeSignal PoolChanged { get; } = new();
}
