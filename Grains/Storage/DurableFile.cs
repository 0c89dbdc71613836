using System.Runtime.InteropServices;

namespace Orleans.Blockchain.Storage;

/// <summary>What makes a file change durable: the file's data flushed to disk, and, when a file is created, renamed or
/// removed, its directory too (on Linux a new name is durable only once the directory is fsynced).</summary>
public static partial class DurableFile
{
    private const int ReadOnly = 0;

    /// <summary>Flushes a directory's entries to disk; a no-op where the OS offers no way to (Windows).</summary>
    public static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var descriptor = Open(directory, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"Could not open the directory '{directory}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"Could not flush the directory '{directory}' (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

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

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
