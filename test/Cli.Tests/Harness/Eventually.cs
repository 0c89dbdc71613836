namespace Orleans.Blockchain.Cli.Tests.Harness;

/// <summary>Waiting in tests: poll a condition until it holds or a deadline passes; never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
