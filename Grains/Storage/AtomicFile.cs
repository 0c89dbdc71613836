namespace Orleans.Blockchain.Storage;

/// <summary>Writes a file so that a crash at any instant leaves either the old or the new content:
/// write a temporary file beside it, flush it to disk, rename it over the target, flush the directory.</summary>
public static class AtomicFile
{
    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellation = default) =>
        DurableFile.WriteAtomicallyAsync(path, stream => stream.WriteAsync(content, cancellation).AsTask(), cancellation);
}
