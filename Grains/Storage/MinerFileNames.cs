namespace Orleans.Blockchain.Storage;

/// <summary>How a grain's files are named in the data directory: <c>&lt;name&gt;.&lt;kind&gt;</c> for the miner's grains (key 0),
/// <c>&lt;name&gt;-&lt;key&gt;.&lt;kind&gt;</c> for grains of other keys (tests run many chains in one directory).</summary>
public static class MinerFileNames
{
    public static string Prefix(MinerOptions options, GrainId grainId) =>
        grainId.TryGetIntegerKey(out var key, out var extension) && key == 0 && extension is null ? options.Name : $"{options.Name}-{grainId.Key}";
}
