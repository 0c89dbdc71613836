namespace Orleans.Blockchain.Network.Tests.Harness;

/// <summary>Waiting in tests: poll a condition until it holds or a deadline passes; never a fixed sleep.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or System.Text.Json.JsonException)
            {
                last = e;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out waiting for {what}.", last);
    }
}
