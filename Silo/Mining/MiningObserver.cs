using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Silo.Mining;

/// <summary>Turns the status grain's notices into this silo's in-process signals, which the mining loop waits on.</summary>
public sealed class MiningObserver(MiningSignals signals) : IMiningObserver
{
    public Task TipChangedAsync()
    {
        signals.TipChanged.Raise();
        return Task.CompletedTask;
    }

    public Task PoolChangedAsync()
    {
        signals.PoolChanged.Raise();
        return Task.CompletedTask;
    }
}
