using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Storage;

/// <summary>
/// The chain in the seed's files: <c>&lt;name&gt;.chain</c> as JSON Lines, one block per line in the JSON of
/// <c>GET /chain</c>; <c>&lt;name&gt;.hash</c>, the SHA-256 of that file, kept current from the appended bytes (the whole
/// file is hashed again only at open and after a truncation); and older versions (<see cref="ChainVersions"/>).
/// An append is one write and one fsync; a reorganisation first keeps the current file as a version, then truncates at
/// the fork's offset. At open the file is validated block by block; a last line cut short by a crash is cut off; a
/// damaged file is kept aside and the newest valid version is used; a file of the old format (one JSON document) is
/// converted once, the original kept as a version.
/// </summary>
public sealed partial class FileChainStore : IChainStore
{
    private static readonly Regex OldFormat = new("^\\s*\\{\\s*\"chain\"\\s*:", RegexOptions.CultureInvariant);

    private readonly SafeFileHandle _file;
    private readonly List<long> _offsets;
    private readonly string _hashPath;
    private readonly ChainVersions _versions;
    private readonly ILogger _logger;
    private IncrementalHash _hash;
    private long _end;
    private bool _changed;
    private bool _broken;

    private FileChainStore(SafeFileHandle file, Loaded loaded, string hashPath, ChainVersions versions, ILogger logger)
    {
        (_file, Chain, _offsets, _end, _hash) = (file, loaded.Chain, loaded.Offsets, loaded.End, loaded.Hash);
        (_hashPath, _versions, _logger) = (hashPath, versions, logger);
    }

    public IndexedChain Chain { get; }

    /// <summary>Opens <c>&lt;name&gt;.chain</c> in <paramref name="directory"/>, creating it with genesis for a new miner.</summary>
    public static async Task<FileChainStore> OpenAsync(
        string directory, string name, ChainValidator validator, ChainVersions versions, TimeProvider clock, ILogger logger, CancellationToken cancellation = default)
    {
        var started = clock.GetTimestamp();
        Directory.CreateDirectory(directory);
        var chainPath = Path.Combine(directory, $"{name}.chain");
        var hashPath = Path.Combine(directory, $"{name}.hash");
        var log = new Log(logger);

        if (File.Exists(chainPath) && await JsonLines.BeginsLikeAsync(chainPath, OldFormat, cancellation))
        {
            await ConvertAsync(chainPath, validator, versions, log, cancellation);
        }

        var loaded = File.Exists(chainPath) ? await LoadAsync(chainPath, validator, cancellation) : null;
        if (loaded?.Problem is { } problem)
        {
            log.Damaged(Path.GetFileName(chainPath), problem);
        }

        if (loaded is null or { Problem: not null })
        {
            loaded = await RestoreAsync(chainPath, loaded is not null, validator, versions, clock, log, cancellation);
        }
        else if ((File.Exists(hashPath) ? (await File.ReadAllTextAsync(hashPath, cancellation)).Trim() : null) != loaded.FileHash)
        {
            log.HashDiffers(Path.GetFileName(chainPath));
        }

        if (loaded.CutBytes > 0)
        {
            log.CutTornLine(Path.GetFileName(chainPath), loaded.CutBytes, loaded.Chain.Length);
        }

        var file = File.OpenHandle(chainPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            if (loaded.CutBytes > 0)
            {
                RandomAccess.SetLength(file, loaded.End);
                RandomAccess.FlushToDisk(file);
            }

            var store = new FileChainStore(file, loaded, hashPath, versions, logger);
            store.WriteHash();
            log.Opened(Path.GetFileName(chainPath), loaded.Chain.Length, clock.GetElapsedTime(started).TotalSeconds);
            return store;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public async Task AppendAsync(IReadOnlyList<Block> blocks)
    {
        ThrowIfBroken();
        var bytes = JsonLines.Serialize(blocks);
        var end = _end;
        await WriteAsync(() =>
        {
            RandomAccess.Write(_file, bytes, end);
            RandomAccess.FlushToDisk(_file);
        });

        var offset = end;
        foreach (var block in blocks)
        {
            _offsets.Add(offset);
            offset = end + Array.IndexOf(bytes, JsonLines.NewLine, (int)(offset - end)) + 1;
            Chain.Append(block);
        }

        _end = end + bytes.Length;
        _hash.AppendData(bytes);
        _changed = true;
        WriteHash();
    }

    public async Task TruncateAsync(long height)
    {
        ThrowIfBroken();
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (height >= Chain.Length)
        {
            return;
        }

        // The blocks about to be cut stay readable in a version.
        if (_changed)
        {
            await BackupAsync();
        }

        var dropped = await ReadAsync(height, Chain.Length - (int)height);
        var cut = _offsets[(int)height];
        await WriteAsync(() =>
        {
            RandomAccess.SetLength(_file, cut);
            RandomAccess.FlushToDisk(_file);
        });

        Chain.TruncateTo(height, dropped);
        _offsets.RemoveRange((int)height, _offsets.Count - (int)height);
        _end = cut;
        _hash.Dispose();
        _hash = await HashPrefixAsync(_file, cut);
        _changed = true;
        WriteHash();
    }

    public async Task<IReadOnlyList<Block>> ReadAsync(long from, int count, CancellationToken cancellation = default)
    {
        var length = Chain.Length;
        var first = (int)Math.Clamp(from, 0, length);
        var last = (int)Math.Min(length, first + (long)Math.Max(0, count));
        if (first >= last)
        {
            return [];
        }

        var (start, end) = (_offsets[first], last == length ? _end : _offsets[last]);
        var buffer = new byte[end - start];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(_file, buffer.AsMemory(filled), start + filled, cancellation);
            if (read == 0)
            {
                break; // cut by a reorganisation meanwhile: the complete lines are still right
            }

            filled += read;
        }

        var blocks = new List<Block>(last - first);
        var at = 0;
        int newline;
        while (at < filled && (newline = Array.IndexOf(buffer, JsonLines.NewLine, at, filled - at)) >= 0)
        {
            blocks.Add(JsonSerializer.Deserialize<Block>(buffer.AsSpan(at, newline - at), StorageJson.Compact)!);
            at = newline + 1;
        }

        return blocks;
    }

    public async Task<string?> BackupAsync(CancellationToken cancellation = default)
    {
        if (!_changed || _broken)
        {
            return null;
        }

        var end = _end;
        var path = await _versions.WriteAsync(stream => CopyPrefixAsync(_file, end, stream, cancellation), cancellation);
        _changed = false;
        return path;
    }

    public ValueTask DisposeAsync()
    {
        _file.Dispose();
        _hash.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs file I/O off the grain's thread; a failure leaves the file in an unknown state, so the store is done.</summary>
    private async Task WriteAsync(Action write)
    {
        try
        {
            await Task.Run(write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _broken = true;
            throw new StorageUnavailableException($"The miner's storage did not take the change: {e.Message}");
        }
    }

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new StorageUnavailableException("The miner's storage failed a write; the chain is being reloaded.");
        }
    }

    /// <summary>The hash file follows the chain file without an fsync of its own: at most one fsync per block. A crash
    /// may leave it stale, which the next open reports and repairs.</summary>
    private void WriteHash()
    {
        try
        {
            File.WriteAllText(_hashPath + ".tmp", Convert.ToHexStringLower(_hash.GetCurrentHash()) + "\n", Encoding.ASCII);
            File.Move(_hashPath + ".tmp", _hashPath, overwrite: true);
        }
        catch (IOException e)
        {
            LogHashNotWritten(Path.GetFileName(_hashPath), e.Message);
        }
    }

    /// <summary>Reads a chain file block by block, validating each against the one before; nothing but the headers and
    /// indexes stays in memory.</summary>
    private static async Task<Loaded> LoadAsync(string path, ChainValidator validator, CancellationToken cancellation)
    {
        var chain = new StoredChainBuilder(validator);
        var offsets = new List<long>();
        string? problem = null;
        long? unreadable = null;
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long complete;
        long size;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true))
        {
            size = file.Length;
            complete = await JsonLines.ReadAsync(file, (line, offset) =>
            {
                if (problem is not null)
                {
                    return;
                }

                if (unreadable is not null)
                {
                    problem = $"line {offsets.Count + 2} cannot be read as a block";
                    return;
                }

                var block = TryParse(line.Span);
                if (block is null)
                {
                    unreadable = offset; // the last line cut short, unless more follow
                    return;
                }

                if (!chain.TryAdd(block))
                {
                    problem = chain.Problem;
                    return;
                }

                offsets.Add(offset);
            }, hash, cancellation);
        }

        problem ??= chain.Chain.Length == 0 ? "it holds no chain" : null;
        var end = unreadable ?? complete;
        var fileHash = Convert.ToHexStringLower(hash.GetCurrentHash());
        if (end < size)
        {
            hash.Dispose();
            hash = await HashPrefixAsync(path, end);
        }

        return new Loaded(chain.Chain, offsets, end, size - end, fileHash, hash, problem);
    }

    private static Block? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            var block = JsonSerializer.Deserialize<Block>(line, StorageJson.Compact);
            return ChainValidator.CheckShape(block) is null ? block : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A whole chain file, of either format, for a conversion or a fall-back: read in full (both are rare).</summary>
    private static async Task<(IReadOnlyList<Block>? Chain, string? Problem)> ReadWholeAsync(string path, ChainValidator validator, CancellationToken cancellation)
    {
        try
        {
            List<Block> blocks;
            if (await JsonLines.BeginsLikeAsync(path, OldFormat, cancellation))
            {
                await using var stream = File.OpenRead(path);
                var file = await JsonSerializer.DeserializeAsync<ChainFile>(stream, StorageJson.Options, cancellation);
                blocks = file is null || file.Chain.IsDefault ? [] : [.. file.Chain];
            }
            else
            {
                blocks = [];
                await using var stream = File.OpenRead(path);
                await JsonLines.ReadAsync(stream, (line, _) => blocks.Add(JsonSerializer.Deserialize<Block>(line.Span, StorageJson.Compact)!), cancellation: cancellation);
            }

            if (blocks.Count == 0 || blocks.Any(b => b is null))
            {
                return (null, "it holds no chain");
            }

            var result = validator.ValidateChain(blocks, stored: true);
            return result.IsValid ? (blocks, null) : (null, $"block {result.FailedHeight}: {result.Reason}");
        }
        catch (JsonException e)
        {
            return (null, $"it is not a chain file ({e.Message})");
        }
    }

    /// <summary>The old format, one JSON document: the original becomes a version, the chain is written as lines.
    /// A crash in between leaves only the version, which the next open restores from.</summary>
    private static async Task ConvertAsync(string chainPath, ChainValidator validator, ChainVersions versions, Log log, CancellationToken cancellation)
    {
        var (blocks, _) = await ReadWholeAsync(chainPath, validator, cancellation);
        if (blocks is null)
        {
            return; // damaged: loading reports it and falls back
        }

        var kept = versions.NextPath();
        File.Move(chainPath, kept, overwrite: true);
        await WriteLinesAsync(chainPath, blocks, cancellation);
        log.Converted(Path.GetFileName(chainPath), blocks.Count, Path.GetFileName(kept));
    }

    /// <summary>No usable current file: the newest valid version becomes the chain (a damaged current file is kept
    /// aside for a person to look at); with no file at all, a new chain of genesis alone.</summary>
    private static async Task<Loaded> RestoreAsync(
        string chainPath, bool damaged, ChainValidator validator, ChainVersions versions, TimeProvider clock, Log log, CancellationToken cancellation)
    {
        IReadOnlyList<Block>? blocks = null;
        var candidates = versions.List();
        foreach (var version in candidates)
        {
            (blocks, var problem) = await ReadWholeAsync(version, validator, cancellation);
            if (blocks is not null)
            {
                log.FellBack(Path.GetFileName(version), blocks.Count);
                break;
            }

            log.Damaged(Path.GetFileName(version), problem!);
        }

        if (blocks is null && (damaged || candidates.Count > 0))
        {
            throw new InvalidDataException(
                $"No valid chain file in '{Path.GetDirectoryName(chainPath)}': the current file and every older version are damaged. Move them away to start a new chain.");
        }

        if (damaged)
        {
            var aside = $"{chainPath}.damaged-{clock.GetUtcNow():yyyyMMdd_HHmmss}";
            File.Move(chainPath, aside, overwrite: true);
        }

        await WriteLinesAsync(chainPath, blocks ?? [validator.Rules.Genesis], cancellation);
        var loaded = await LoadAsync(chainPath, validator, cancellation);
        return loaded.Problem is null ? loaded : throw new InvalidDataException($"The restored chain file '{chainPath}' does not load: {loaded.Problem}");
    }

    private static Task WriteLinesAsync(string path, IReadOnlyList<Block> blocks, CancellationToken cancellation) =>
        DurableFile.WriteAtomicallyAsync(path, async stream =>
        {
            foreach (var chunk in blocks.Chunk(1_000))
            {
                await stream.WriteAsync(JsonLines.Serialize(chunk), cancellation);
            }
        }, cancellation);

    private static async Task<IncrementalHash> HashPrefixAsync(string path, long end)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return await HashPrefixAsync(file, end);
    }

    private static async Task<IncrementalHash> HashPrefixAsync(SafeFileHandle file, long end)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        for (long at = 0; at < end;)
        {
            var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, end - at)), at);
            if (read == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, read);
            at += read;
        }

        return hash;
    }

    private static async Task CopyPrefixAsync(SafeFileHandle file, long end, Stream target, CancellationToken cancellation)
    {
        var buffer = new byte[1 << 20];
        for (long at = 0; at < end;)
        {
            var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, end - at)), at, cancellation);
            if (read == 0)
            {
                break;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellation);
            at += read;
        }
    }

    /// <summary>A chain file as read: the valid blocks, where each starts, where the kept bytes end, the bytes cut
    /// off at the end, the hash of the whole file as found and of the kept bytes, and what makes it unusable.</summary>
    private sealed record Loaded(IndexedChain Chain, List<long> Offsets, long End, long CutBytes, string FileHash, IncrementalHash Hash, string? Problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update {File}: {Problem}")]
    private partial void LogHashNotWritten(string file, string problem);

    /// <summary>What opening a chain file tells the log.</summary>
    private sealed partial class Log(ILogger logger)
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Opened {File}: {Length} blocks, validated in {Seconds:F2} s")]
        public partial void Opened(string file, int length, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{File} does not match its hash file: it was changed outside this miner or a write was cut short; it was validated block by block")]
        public partial void HashDiffers(string file);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{File} ended in a line cut short by a crash ({Bytes} bytes, never acknowledged); cut off, {Length} blocks remain")]
        public partial void CutTornLine(string file, long bytes, int length);

        [LoggerMessage(Level = LogLevel.Error, Message = "{File} is damaged and is not used: {Problem}")]
        public partial void Damaged(string file, string problem);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Fell back to the older chain version {File} ({Length} blocks)")]
        public partial void FellBack(string file, int length);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Converted {File} ({Length} blocks) from the old one-document format to JSON Lines; the original is kept as {Kept}")]
        public partial void Converted(string file, int length, string kept);
    }
}
