using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Blockchain.Chain;
using Orleans.Storage;

namespace Orleans.Blockchain.Storage;

/// <summary>
/// The embedded default grain storage: plain files in the miner's data directory. The chain goes to the
/// seed's <c>&lt;name&gt;.chain</c> / <c>&lt;name&gt;.hash</c> (see <see cref="ChainFiles"/>), every other
/// state to <c>&lt;name&gt;.&lt;state&gt;</c> as JSON (e.g. <c>miner.pool</c>), each write atomic.
/// Grains see only <see cref="IPersistentState{TState}"/>, so a cluster provider can replace this one.
/// </summary>
public sealed partial class MinerFileStorage(
    IOptions<MinerOptions> options, ChainValidator validator, TimeProvider clock, ILogger<MinerFileStorage> logger) : IGrainStorage, IChainBackup
{
    public const string Name = "miner";

    private readonly MinerOptions _options = options.Value;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState is IGrainState<ChainState> chainState)
        {
            var chain = await ChainFiles(grainId).LoadAsync(validator);
            if (chain is not null)
            {
                chainState.State = new ChainState { Blocks = [.. chain] };
                chainState.RecordExists = true;
            }

            return;
        }

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
        return grainState is IGrainState<ChainState> chainState
            ? ChainFiles(grainId).SaveAsync(chainState.State?.Blocks ?? [])
            : AtomicFile.WriteAsync(StatePath(stateName, grainId), JsonSerializer.SerializeToUtf8Bytes(grainState.State, StorageJson.Options));
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var files = grainState is IGrainState<ChainState> ? ChainFiles(grainId) : null;
        File.Delete(files?.ChainPath ?? StatePath(stateName, grainId));
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public Task<string?> BackupAsync(GrainId chainId, IReadOnlyList<Block> chain, CancellationToken cancellation = default) =>
        ChainFiles(chainId).BackupAsync(chain, cancellation);

    public ChainFiles ChainFiles(GrainId grainId) =>
        new(_options.DataDirectory, FilePrefix(grainId), _options.BackupRetention, clock, logger);

    private string StatePath(string stateName, GrainId grainId) =>
        Path.Combine(_options.DataDirectory, $"{FilePrefix(grainId)}.{stateName}");

    // A miner's grains have key 0 and use the bare name; other keys (tests) get their own files.
    private string FilePrefix(GrainId grainId) =>
        grainId.TryGetIntegerKey(out var key, out var extension) && key == 0 && extension is null ? _options.Name : $"{_options.Name}-{grainId.Key}";

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} is damaged and was moved to {Kept}; starting that state empty: {Problem}")]
    private partial void LogDamagedState(string file, string kept, string problem);
}
