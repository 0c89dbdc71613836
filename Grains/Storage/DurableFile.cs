namespace Orleans.Blockchain.Storage;

/// <summary>What makes a file change durable: the file's data flushed to disk, and, when a file is created, renamed or
/// removed, its directory too (on Linux a new name is durable only once the directory is fsynced).</summary>
public static class DurableFile
{
    /// <summary>Flushes a directory's entries to disk (see <see cref="DirectorySync"/>).</summary>
    public static void FlushDirectory(string directory) => DirectorySync.Flush(directory);

    /// <summary>Writes a whole file so that a crash at any instant leaves either the old or the new content: a temporary
    /// file beside it, flushed, renamed over the target, and the directory flushed.</summary>
    public static async Task WriteAtomicallyAsync(string path, Func<Stream, Task> write, CancellationToken cancellation = default)
    {
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await write(stream);
            await stream.FlushAsync(cancellation);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
