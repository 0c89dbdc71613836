using System.Security.Cryptography;
using System.Text;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Storage;

namespace Orleans.Blockchain.Silo.Storage;

/// <summary>The backup job in cluster mode, where the chain lives in Redis: it exports the chain, page by page, to the
/// seed's <c>&lt;name&gt;.chain</c> (JSON Lines, as in embedded mode) and <c>&lt;name&gt;.hash</c> in the data directory of
/// the silo that hosts the chain grain, and keeps the file as a timestamped version.</summary>
public sealed class ChainFileExport(string chainPath, ChainVersions versions)
{
    private const int Page = 1_000;

    /// <summary>Writes the files; returns the version's path.</summary>
    public async Task<string> ExportAsync(IChainStore store, CancellationToken cancellation = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = store.Chain.Length;
        await DurableFile.WriteAtomicallyAsync(chainPath, async stream =>
        {
            for (long at = 0; at < length; at += Page)
            {
                var bytes = JsonLines.Serialize(await store.ReadAsync(at, Page, cancellation));
                hash.AppendData(bytes);
                await stream.WriteAsync(bytes, cancellation);
            }
        }, cancellation);
        await File.WriteAllTextAsync(Path.ChangeExtension(chainPath, ".hash"), Convert.ToHexStringLower(hash.GetCurrentHash()) + "\n", Encoding.ASCII, cancellation);
        return await versions.WriteAsync(async stream =>
        {
            await using var source = File.OpenRead(chainPath);
            await source.CopyToAsync(stream, cancellation);
        }, cancellation);
    }
}
