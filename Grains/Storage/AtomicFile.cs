namespace Orleans.Blockchain.Storage;

/// <summary>Writes a file so that a crash at any instant leaves either the old or the new content:
/// write a temporary file beside it, flush it to disk, rename it over the target, then flush the directory, without
/// which the rename itself may not survive a power loss.</summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellation = default)
    {
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await stream.WriteAsync(content, cancellation);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
