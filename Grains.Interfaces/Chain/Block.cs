using System.Collections.Immutable;

namespace Orleans.Blockchain.Chain;

/// <summary>One block of the chain. Its <see cref="Hash"/> is SHA-256 over the 96-byte header
/// (see <see cref="BlockHeader"/>), which commits to every other field, messages included.</summary>
/// <param name="Index">Height: 0 for genesis, then one more per block.</param>
/// <param name="Timestamp">When it was mined, in whole milliseconds (UTC).</param>
/// <param name="Messages">The messages it records.</param>
/// <param name="PreviousHash">Hash of the block before it (64 zero digits for genesis).</param>
/// <param name="Difficulty">Leading zero hex digits its hash must have.</param>
/// <param name="Nonce">The proof of work: the number that makes the hash meet the difficulty.</param>
/// <param name="Hash">Lowercase hex SHA-256 of the header.</param>
[GenerateSerializer, Immutable, Alias("Block")]
public sealed record Block(
    [property: Id(0)] long Index,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] ImmutableArray<Message> Messages,
    [property: Id(3)] string PreviousHash,
    [property: Id(4)] int Difficulty,
    [property: Id(5)] ulong Nonce,
    [property: Id(6)] string Hash);
