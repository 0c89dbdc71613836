namespace Orleans.Blockchain.Mining;

/// <summary>A wake-up call between grains and the mining threads of one silo. Take <see cref="Next"/>
/// before reading the state it guards, then await it: a change in between is never missed.</summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Raise"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Raise() =>
        Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
