using System.Collections.Immutable;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Mining;

/// <summary>The block the chain grain wants mined now, and the nonce ranges it has handed out for it so far.
/// The timestamp is fixed when the work is made, so all silos search the very same header.</summary>
public sealed class MiningWork(Block tip, ImmutableArray<Message> messages, int difficulty, DateTimeOffset now)
{
    /// <summary>Nonces per lease: 2^40, hours of work for one silo, so a silo asks again only when its range is spent.</summary>
    public const ulong LeaseSize = 1UL << 40;

    private ulong _leases;

    public Block Tip { get; } = tip;

    /// <summary>A block's timestamp never goes back from its parent's.</summary>
    private DateTimeOffset Timestamp { get; } = DateTimeOffset.FromUnixTimeMilliseconds(
        Math.Max(now.ToUnixTimeMilliseconds(), tip.Timestamp.ToUnixTimeMilliseconds()));

    /// <summary>The next unused range of nonces for this block (2^24 leases before the nonce space wraps).</summary>
    public MiningTemplate Lease() => new(Tip, messages, difficulty, Timestamp, _leases++ * LeaseSize, LeaseSize);
}
