using System.Collections.Immutable;
using System.Text;

namespace Orleans.Blockchain.Chain;

/// <summary>The rules every block of a network must follow. Difficulty is part of the network's
/// identity: it is in the genesis header, so miners with another difficulty have another genesis.</summary>
public sealed record ChainRules(
    int Difficulty,
    int MaxMessagesPerBlock = 100,
    int MaxMessageLength = 1_000,
    int MaxBlockTextBytes = 256 * 1024)
{
    /// <summary>How far ahead of this miner's clock a block's timestamp may be.</summary>
    public TimeSpan MaxFutureDrift { get; init; } = TimeSpan.FromMinutes(2);

    public Block Genesis { get; } = GenesisBlock.Create(Difficulty);

    /// <summary>The first of <paramref name="pending"/> that fit one block, by count and by UTF-8 bytes of text:
    /// counting messages alone would let long multi-byte texts make a block every miner rejects, over and over.</summary>
    public ImmutableArray<Message> FitToBlock(IEnumerable<Message> pending)
    {
        var bytes = 0;
        return [.. pending.Take(MaxMessagesPerBlock).TakeWhile(m => (bytes += Encoding.UTF8.GetByteCount(m.Text)) <= MaxBlockTextBytes)];
    }
}
