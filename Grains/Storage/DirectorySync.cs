using System.Runtime.InteropServices;

namespace Orleans.Blockchain.Storage;

/// <summary>Makes a directory's entries durable: after a file is created or renamed, the new name survives a power
/// loss only once the directory itself is fsynced (POSIX). .NET has no API for it (it refuses to open a directory),
/// hence the two libc calls. On Windows, NTFS journals renames itself and there is nothing to do.</summary>
public static class DirectorySync
{
    private const int ReadOnly = 0;
    private const int InvalidArgument = 22; // EINVAL: this file system cannot sync a directory

    /// <summary>Flushes <paramref name="directory"/>'s entries to disk; throws <see cref="IOException"/> when that fails.</summary>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var handle = Open(directory, ReadOnly);
        if (handle < 0)
        {
            throw new IOException($"Could not open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(handle) != 0 && Marshal.GetLastPInvokeError() is var error && error != InvalidArgument)
            {
                throw new IOException($"Could not flush directory {directory} to disk (errno {error})");
            }
        }
        finally
        {
            _ = Close(handle);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int handle);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int handle);
}
