using Orleans.Blockchain.Storage;
using StackExchange.Redis;

namespace Orleans.Blockchain.Silo.Storage;

/// <summary>Every Redis failure reaches callers as <see cref="StorageUnavailableException"/>, the type the gateway answers
/// with 503 (Redis' own exception types are not loadable outside the silo).</summary>
internal static class RedisFailures
{
    public static async Task<T> Translate<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new StorageUnavailableException($"The miner's storage is unavailable: {e.Message}");
        }
    }

    public static Task Translate(Func<Task> operation) => Translate(async () =>
    {
        await operation();
        return true;
    });
}
