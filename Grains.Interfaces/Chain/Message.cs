using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Orleans.Blockchain.Chain;

/// <summary>A text message recorded by the network.</summary>
/// <param name="Id">Derived from the content (<see cref="IdFor(string, DateTimeOffset, MessageAuthor?)"/>), so no peer
/// can swap a message's text (or its author) and keep its id; the network deduplicates by it.</param>
/// <param name="Text">The message itself (UTF-8, bounded length).</param>
/// <param name="AcceptedAt">When the first miner accepted it, in whole milliseconds (UTC).</param>
/// <param name="Author">Who signed it, for a signed message; absent (and left out of the JSON) otherwise.</param>
[GenerateSerializer, Immutable, Alias("Message")]
public sealed record Message(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset AcceptedAt,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MessageAuthor? Author = null)
{
    /// <summary>The byte that follows acceptedAt in a signed message's id content and leaf: 0xFF never begins UTF-8
    /// text, so no unsigned message (whose text follows there) can encode like a signed one.</summary>
    public const byte SignedMarker = 0xFF;

    /// <summary>The version of the signed layout that follows the marker.</summary>
    public const byte SignedVersion = 1;

    /// <summary>A message with its id derived from its content.</summary>
    public static Message Create(string text, DateTimeOffset acceptedAt, MessageAuthor? author = null) =>
        new(IdFor(text, acceptedAt, author), text, acceptedAt, author);

    /// <summary>The id of an unsigned message.</summary>
    public static Guid IdFor(string text, DateTimeOffset acceptedAt) => IdFor(text, acceptedAt, null);

    /// <summary>The first 16 bytes of SHA-256 of <see cref="Content"/>, stamped as an RFC 9562 version 8 UUID. The
    /// same text accepted in the same millisecond (and signed alike) is the same message.</summary>
    public static Guid IdFor(string text, DateTimeOffset acceptedAt, MessageAuthor? author)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Content(text, acceptedAt, author), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // variant: RFC 9562
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>What the id and the Merkle leaf commit to: acceptedAt (int64 big-endian Unix ms) ‖ UTF-8 text; for a
    /// signed message acceptedAt ‖ 0xFF ‖ 0x01 ‖ public key (32) ‖ signedAt (int64) ‖ signature (64) ‖ UTF-8 text.</summary>
    public static byte[] Content(string text, DateTimeOffset acceptedAt, MessageAuthor? author)
    {
        var signed = author is null ? 0 : 2 + MessageSignature.PublicKeySize + 8 + MessageSignature.SignatureSize;
        var content = new byte[8 + signed + Encoding.UTF8.GetByteCount(text)];
        BinaryPrimitives.WriteInt64BigEndian(content, acceptedAt.ToUnixTimeMilliseconds());
        if (author is not null)
        {
            content[8] = SignedMarker;
            content[9] = SignedVersion;
            WriteHex(author.PublicKey, content.AsSpan(10, MessageSignature.PublicKeySize));
            BinaryPrimitives.WriteInt64BigEndian(content.AsSpan(10 + MessageSignature.PublicKeySize), author.SignedAt.ToUnixTimeMilliseconds());
            WriteHex(author.Signature, content.AsSpan(18 + MessageSignature.PublicKeySize, MessageSignature.SignatureSize));
        }

        Encoding.UTF8.GetBytes(text, content.AsSpan(8 + signed));
        return content;
    }

    /// <summary>Malformed hex (which validation refuses anyway) encodes as zeros rather than throwing.</summary>
    private static void WriteHex(string? hex, Span<byte> destination)
    {
        if (hex is null || hex.Length != 2 * destination.Length || Convert.FromHexString(hex, destination, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            destination.Clear();
        }
    }
}
