using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Pool;

namespace Orleans.Blockchain.Storage;

/// <summary>
/// The pool in <c>&lt;name&gt;.pool</c>: a journal in JSON Lines, <c>{"add":{message}}</c> or <c>{"remove":[ids]}</c> per
/// line. A batch is one append (and one fsync when it adds); when the journal is mostly removed messages it is rewritten
/// atomically with the live ones. At open a last line cut short by a crash is cut off; the old format (one JSON document)
/// is converted once.
/// </summary>
public sealed partial class FilePoolStore : IPoolStore
{
    private const int CompactAfterEntries = 4_096;
    private static readonly Regex OldFormat = new("^\\s*\\{\\s*\"messages\"\\s*:", RegexOptions.CultureInvariant);

    private readonly string _path;
    private readonly ILogger _logger;
    private SafeFileHandle _file;
    private long _end;
    private long _entries;

    private FilePoolStore(string path, SafeFileHandle file, long end, long entries, ILogger logger) =>
        (_path, _file, _end, _entries, _logger) = (path, file, end, entries, logger);

    public static async Task<(FilePoolStore Store, IReadOnlyList<Message> Messages)> OpenAsync(string path, ILogger logger, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var messages = new PendingMessages();
        long entries = 0, end = 0;
        if (File.Exists(path) && await JsonLines.BeginsLikeAsync(path, OldFormat, cancellation))
        {
            await using (var stream = File.OpenRead(path))
            {
                var old = await JsonSerializer.DeserializeAsync<PoolState>(stream, StorageJson.Options, cancellation);
                foreach (var message in old?.Messages ?? [])
                {
                    messages.Add(message);
                }
            }

            await WriteJournalAsync(path, messages.All, cancellation);
            LogConverted(logger, Path.GetFileName(path), messages.Count);
        }

        if (File.Exists(path))
        {
            long? unreadable = null;
            await using (var stream = File.OpenRead(path))
            {
                var complete = await JsonLines.ReadAsync(stream, (line, offset) =>
                {
                    if (unreadable is { } bad)
                    {
                        LogSkipped(logger, Path.GetFileName(path), bad);
                        unreadable = null;
                    }

                    if (TryParse(line.Span) is not { } entry)
                    {
                        unreadable = offset;
                        return;
                    }

                    entries += Apply(entry, messages);
                }, cancellation: cancellation);
                end = unreadable ?? complete;
                if (end < stream.Length)
                {
                    LogCutTornLine(logger, Path.GetFileName(path), stream.Length - end);
                }
            }
        }

        var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (RandomAccess.GetLength(file) != end)
        {
            RandomAccess.SetLength(file, end);
            RandomAccess.FlushToDisk(file);
        }

        DurableFile.FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return (new FilePoolStore(path, file, end, entries, logger), [.. messages.All]);
    }

    public async Task WriteAsync(PoolBatch batch)
    {
        var bytes = JsonLines.Serialize(Entries(batch.Added, batch.Removed));
        var (file, end) = (_file, _end);
        try
        {
            await Task.Run(() =>
            {
                RandomAccess.Write(file, bytes, end);
                if (batch.Added.Count > 0)
                {
                    RandomAccess.FlushToDisk(file); // also makes earlier removals durable
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"The miner's storage did not take the change: {e.Message}");
        }

        _end = end + bytes.Length;
        _entries += batch.Added.Count + batch.Removed.Count;
    }

    public bool ShouldCompact(int live) => _entries > CompactAfterEntries && _entries > 4L * live;

    public async Task CompactAsync(IReadOnlyCollection<Message> live)
    {
        await WriteJournalAsync(_path, live, CancellationToken.None);
        var file = File.OpenHandle(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        _file.Dispose();
        (_file, _end, _entries) = (file, RandomAccess.GetLength(file), live.Count);
        LogCompacted(Path.GetFileName(_path), live.Count);
    }

    public ValueTask DisposeAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }

    private static IEnumerable<PoolEntry> Entries(IReadOnlyList<Message> added, IReadOnlyList<Guid> removed) =>
        added.Select(m => new PoolEntry(m, null)).Concat(removed.Count > 0 ? [new PoolEntry(null, [.. removed])] : []);

    private static int Apply(PoolEntry entry, PendingMessages messages)
    {
        if (entry.Add is { } message)
        {
            messages.Add(message);
        }

        foreach (var id in entry.Remove ?? [])
        {
            messages.Remove(id);
        }

        return (entry.Add is null ? 0 : 1) + (entry.Remove?.Length ?? 0);
    }

    private static PoolEntry? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<PoolEntry>(line, StorageJson.Compact);
            return entry switch
            {
                { Add.Text: not null } or { Add: null, Remove: not null } => entry,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task WriteJournalAsync(string path, IReadOnlyCollection<Message> live, CancellationToken cancellation) =>
        DurableFile.WriteAtomicallyAsync(path, async stream =>
        {
            foreach (var chunk in live.Chunk(1_000))
            {
                await stream.WriteAsync(JsonLines.Serialize(Entries(chunk, [])), cancellation);
            }
        }, cancellation);

    /// <summary>One line of the journal.</summary>
    private sealed record PoolEntry(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Message? Add,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<Guid>? Remove);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compacted {File} to its {Count} pending messages")]
    private partial void LogCompacted(string file, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Converted {File} ({Count} messages) from the old one-document format to a journal")]
    private static partial void LogConverted(ILogger logger, string file, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} ended in a line cut short by a crash ({Bytes} bytes, never acknowledged); cut off")]
    private static partial void LogCutTornLine(ILogger logger, string file, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} has an unreadable line at byte {Offset}; skipped")]
    private static partial void LogSkipped(ILogger logger, string file, long offset);
}
