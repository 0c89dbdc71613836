using Orleans.Storage;

namespace Orleans.Blockchain.Storage;

/// <summary>Wraps a cluster storage provider so that every failure, reading included (a grain activated while
/// Redis is down), reaches callers as <see cref="StorageUnavailableException"/>: a type the gateway can load and
/// answer with 503, where the provider's own exception would arrive as an unloadable type.</summary>
public sealed class StorageErrorTranslator(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.ClearStateAsync(stateName, grainId, grainState));

    private static async Task Translate(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception e) when (e is not StorageUnavailableException)
        {
            throw new StorageUnavailableException($"The miner's storage is unavailable: {e.GetBaseException().Message}");
        }
    }
}
