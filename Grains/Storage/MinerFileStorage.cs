using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Orleans.Blockchain.Storage;

/// <summary>
/// The embedded default grain storage: each state is <c>&lt;name&gt;.&lt;state&gt;</c> in the miner's data directory, as
/// JSON, each write atomic (e.g. <c>miner.neighbours</c>). The chain and the pool have stores of their own, which append
/// instead of rewriting (<see cref="FileChainStore"/>, <see cref="FilePoolStore"/>). Grains see only
/// <see cref="IPersistentState{TState}"/>, so a cluster provider can replace this one.
/// </summary>
public sealed partial class MinerFileStorage(IOptions<MinerOptions> options, TimeProvider clock, ILogger<MinerFileStorage> logger) : IGrainStorage
{
    public const string Name = "miner";

    private readonly MinerOptions _options = options.Value;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = StatePath(stateName, grainId);
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            grainState.State = await JsonSerializer.DeserializeAsync<T>(stream, StorageJson.Options) ?? grainState.State;
            grainState.RecordExists = true;
        }
        catch (JsonException e)
        {
            // Keep the damaged file for a person to look at, and start this state afresh.
            var kept = $"{path}.damaged-{clock.GetUtcNow():yyyyMMdd_HHmmss}";
            File.Move(path, kept, overwrite: true);
            LogDamagedState(Path.GetFileName(path), Path.GetFileName(kept), e.Message);
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.RecordExists = true;
        return AtomicFile.WriteAsync(StatePath(stateName, grainId), JsonSerializer.SerializeToUtf8Bytes(grainState.State, StorageJson.Options));
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        File.Delete(StatePath(stateName, grainId));
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string StatePath(string stateName, GrainId grainId) =>
        Path.Combine(_options.DataDirectory, $"{MinerFileNames.Prefix(_options, grainId)}.{stateName}");

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} is damaged and was moved to {Kept}; starting that state empty: {Problem}")]
    private partial void LogDamagedState(string file, string kept, string problem);
}
