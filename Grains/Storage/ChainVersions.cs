using System.Globalization;
using System.Text.RegularExpressions;

namespace Orleans.Blockchain.Storage;

/// <summary>The older versions of a chain file, <c>&lt;name&gt;_&lt;yyyyMMdd&gt;_&lt;HHmmss&gt;</c> beside it: copies a person can
/// read and restore, newest <c>retention</c> kept and at most <c>maxBytes</c> together (the newest is always kept).</summary>
public sealed class ChainVersions(string directory, string name, int retention, long maxBytes, TimeProvider clock)
{
    /// <summary>Older versions, newest first (their names sort by time).</summary>
    public IReadOnlyList<string> List()
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

    /// <summary>The name the next version gets (two in one second: the later one replaces the earlier).</summary>
    public string NextPath() =>
        Path.Combine(directory, $"{name}_{clock.GetUtcNow().ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}");

    /// <summary>Writes a version with <paramref name="write"/> (atomically), then prunes; returns its path.</summary>
    public async Task<string> WriteAsync(Func<Stream, Task> write, CancellationToken cancellation = default)
    {
        var path = NextPath();
        await DurableFile.WriteAtomicallyAsync(path, write, cancellation);
        Prune();
        return path;
    }

    /// <summary>Deletes versions beyond the count or the bytes allowed, oldest first.</summary>
    public void Prune()
    {
        var (kept, bytes, deleted) = (0, 0L, false);
        foreach (var path in List())
        {
            bytes += new FileInfo(path).Length;
            if (kept > 0 && (kept >= Math.Max(retention, 1) || bytes > maxBytes))
            {
                File.Delete(path);
                deleted = true;
                continue;
            }

            kept++;
        }

        if (deleted)
        {
            DurableFile.FlushDirectory(directory);
        }
    }
}
