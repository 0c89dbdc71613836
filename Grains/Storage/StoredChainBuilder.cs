using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Storage;

/// <summary>Builds the index of a stored chain block by block as it is read, validating each block against the one
/// before (genesis against the network's), so a store never holds more than headers and indexes in memory.</summary>
public sealed class StoredChainBuilder(ChainValidator validator)
{
    public IndexedChain Chain { get; } = new();

    /// <summary>Why the last block offered was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Adds the block if it validly extends the chain; otherwise sets <see cref="Problem"/> and returns false.</summary>
    public bool TryAdd(Block block)
    {
        var result = Chain.Length == 0
            ? validator.ValidateChain([block], stored: true)
            : validator.ValidateExtension(Chain.Tip, [block], Chain.Contains, stored: true);
        if (!result.IsValid)
        {
            Problem = $"block {result.FailedHeight}: {result.Reason}";
            return false;
        }

        Chain.Append(block);
        return true;
    }
}
