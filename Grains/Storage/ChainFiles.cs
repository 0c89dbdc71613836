using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Storage;

/// <summary>
/// The seed's chain files in a miner's data directory: <c>&lt;name&gt;.chain</c> (the chain),
/// <c>&lt;name&gt;.hash</c> (SHA-256 of that file, so anyone can see whether it changed) and
/// <c>&lt;name&gt;_&lt;yyyyMMdd&gt;_&lt;HHmmss&gt;</c> (older versions written by the backup job, newest
/// <c>retention</c> kept). Loading takes the newest file that parses and validates, so a damaged
/// current file falls back to the newest good version.
/// </summary>
public sealed partial class ChainFiles(string directory, string name, int retention, TimeProvider clock, ILogger logger)
{
    public string ChainPath => Path.Combine(directory, $"{name}.chain");

    public string HashPath => Path.Combine(directory, $"{name}.hash");

    /// <summary>Writes the chain, then its hash (a crash between the two leaves a stale hash, which loading reports).</summary>
    public async Task SaveAsync(IReadOnlyList<Block> chain, CancellationToken cancellation = default)
    {
        var content = Serialize(chain);
        await AtomicFile.WriteAsync(ChainPath, content, cancellation);
        await AtomicFile.WriteAsync(HashPath, System.Text.Encoding.ASCII.GetBytes(Sha256Hex(content) + "\n"), cancellation);
    }

    /// <summary>Writes a timestamped version unless the newest one already holds this chain; prunes beyond retention.
    /// Returns the path written, or null when nothing changed.</summary>
    public async Task<string?> BackupAsync(IReadOnlyList<Block> chain, CancellationToken cancellation = default)
    {
        var content = Serialize(chain);
        var newest = Versions().FirstOrDefault();
        if (newest is not null && Sha256Hex(await File.ReadAllBytesAsync(newest, cancellation)) == Sha256Hex(content))
        {
            return null;
        }

        var path = Path.Combine(directory, $"{name}_{clock.GetUtcNow().ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}");
        await AtomicFile.WriteAsync(path, content, cancellation);
        foreach (var old in Versions().Skip(Math.Max(retention, 1)))
        {
            File.Delete(old);
        }

        return path;
    }

    /// <summary>Older versions, newest first (their names sort by time).</summary>
    public IReadOnlyList<string> Versions()
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var pattern = new Regex($"^{Regex.Escape(name)}_\\d{{8}}_\\d{{6}}$", RegexOptions.CultureInvariant);
        return Directory.EnumerateFiles(directory)
            .Where(path => pattern.IsMatch(Path.GetFileName(path)))
            .OrderByDescending(path => path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The newest valid chain on disk, or null when there is none (a new miner).</summary>
    public async Task<IReadOnlyList<Block>?> LoadAsync(ChainValidator validator, CancellationToken cancellation = default)
    {
        var candidates = new List<string>();
        if (File.Exists(ChainPath))
        {
            await WarnIfHashDiffersAsync(cancellation);
            candidates.Add(ChainPath);
        }

        candidates.AddRange(Versions());
        foreach (var path in candidates)
        {
            var (chain, problem) = await TryReadAsync(path, validator, cancellation);
            if (chain is not null)
            {
                if (path != ChainPath)
                {
                    LogFellBack(Path.GetFileName(path), chain.Count);
                }

                return chain;
            }

            LogDamaged(Path.GetFileName(path), problem!);
        }

        return candidates.Count == 0 ? null : throw new InvalidDataException(
            $"No valid chain file in '{directory}': the current file and every older version are damaged. Move them away to start a new chain.");
    }

    private static async Task<(IReadOnlyList<Block>? Chain, string? Problem)> TryReadAsync(string path, ChainValidator validator, CancellationToken cancellation)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var file = await JsonSerializer.DeserializeAsync<ChainFile>(stream, StorageJson.Options, cancellation);
            if (file is null || file.Chain.IsDefault || file.Chain.Any(b => b is null))
            {
                return (null, "it holds no chain");
            }

            var result = validator.ValidateChain(file.Chain, stored: true);
            return result.IsValid ? (file.Chain, null) : (null, result.Reason);
        }
        catch (JsonException e)
        {
            return (null, $"it is not a chain file ({e.Message})");
        }
    }

    private async Task WarnIfHashDiffersAsync(CancellationToken cancellation)
    {
        var expected = File.Exists(HashPath) ? (await File.ReadAllTextAsync(HashPath, cancellation)).Trim() : null;
        var actual = Sha256Hex(await File.ReadAllBytesAsync(ChainPath, cancellation));
        if (expected != actual)
        {
            LogHashDiffers(Path.GetFileName(ChainPath));
        }
    }

    private static byte[] Serialize(IReadOnlyList<Block> chain) =>
        JsonSerializer.SerializeToUtf8Bytes(new ChainFile([.. chain], chain.Count), StorageJson.Options);

    private static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} does not match its hash file: it was changed outside this miner or a write was cut short; validating it")]
    private partial void LogHashDiffers(string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} is damaged and is not used: {Problem}")]
    private partial void LogDamaged(string file, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fell back to the older chain version {File} ({Length} blocks)")]
    private partial void LogFellBack(string file, int length);
}
