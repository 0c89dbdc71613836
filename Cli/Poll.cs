namespace Orleans.Blockchain.Cli;

/// <summary>Every wait of the CLI: check a condition now and then until it holds or a deadline passes.</summary>
internal static class Poll
{
    /// <summary>False when <paramref name="timeout"/> passed first.</summary>
    public static async Task<bool> UntilAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan timeout, TimeSpan interval, CancellationToken cancellation)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            if (await condition(cancellation))
            {
                return true;
            }

            if (TimeProvider.System.GetTimestamp() >= deadline)
            {
                return false;
            }

            await Task.Delay(interval, cancellation);
        }
    }
}
