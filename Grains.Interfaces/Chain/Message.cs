using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Blockchain.Chain;

/// <summary>A text message recorded by the network.</summary>
/// <param name="Id">Derived from the content (<see cref="IdFor"/>), so no peer can swap a message's text
/// and keep its id; the network deduplicates by it.</param>
/// <param name="Text">The message itself (UTF-8, bounded length).</param>
/// <param name="AcceptedAt">When the first miner accepted it, in whole milliseconds (UTC).</param>
[GenerateSerializer, Immutable, Alias("Message")]
public sealed record Message(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset AcceptedAt)
{
    /// <summary>A message with its id derived from its content.</summary>
    public static Message Create(string text, DateTimeOffset acceptedAt) => new(IdFor(text, acceptedAt), text, acceptedAt);

    /// <summary>The first 16 bytes of SHA-256(acceptedAt as int64 big-endian Unix ms ‖ UTF-8 text), stamped as an
    /// RFC 9562 version 8 UUID. The same text accepted in the same millisecond is the same message.</summary>
    public static Guid IdFor(string text, DateTimeOffset acceptedAt)
    {
        var content = new byte[8 + Encoding.UTF8.GetByteCount(text)];
        BinaryPrimitives.WriteInt64BigEndian(content, acceptedAt.ToUnixTimeMilliseconds());
        Encoding.UTF8.GetBytes(text, content.AsSpan(8));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(content, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // variant: RFC 9562
        return new Guid(hash[..16], bigEndian: true);
    }
}
