namespace Orleans.Blockchain.Storage;

/// <summary>Checks at start that the data directory can be created and written, so a miner fails at once
/// with a clear message instead of at its first block.</summary>
public static class DataDirectory
{
    public static string EnsureWritable(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"The data directory '{path}' cannot be used: {e.Message}", e);
        }
    }
}
