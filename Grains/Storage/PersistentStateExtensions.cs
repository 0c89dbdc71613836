namespace Orleans.Blockchain.Storage;

public static class PersistentStateExtensions
{
    /// <summary>Writes the state of <paramref name="grain"/>. When the storage refuses (Redis down, a version
    /// conflict), the grain's memory may now differ from what is stored, so the grain is deactivated: the next call
    /// starts it again from storage. The failure becomes one exception type the gateway knows (the provider's own
    /// types, Redis' among them, are not loadable outside the silo).</summary>
    public static async Task PersistAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            grain.DeactivateOnIdle();
            throw e as StorageUnavailableException ?? new StorageUnavailableException($"The miner's storage did not take the change: {e.GetBaseException().Message}");
        }
    }
}
