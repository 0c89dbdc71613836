using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Orleans.Blockchain.Chain;

/// <summary>
/// Ed25519 signatures of messages (NSec). The author signs
/// <c>"orleans-blockchain message v1" 0x00 ‖ public key (32 bytes) ‖ signedAt (int64 big-endian Unix ms) ‖ UTF-8 text</c>:
/// the context string keeps a message signature from being anything else the key ever signed.
/// </summary>
public static class MessageSignature
{
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private static readonly byte[] Context = Encoding.ASCII.GetBytes("orleans-blockchain message v1\0");

    private static SignatureAlgorithm Ed25519 => SignatureAlgorithm.Ed25519;

    /// <summary>The bytes an author signs.</summary>
    public static byte[] SignedBytes(ReadOnlySpan<byte> publicKey, DateTimeOffset signedAt, string text)
    {
        var bytes = new byte[Context.Length + PublicKeySize + 8 + Encoding.UTF8.GetByteCount(text)];
        Context.CopyTo(bytes, 0);
        publicKey.CopyTo(bytes.AsSpan(Context.Length));
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(Context.Length + PublicKeySize), signedAt.ToUnixTimeMilliseconds());
        Encoding.UTF8.GetBytes(text, bytes.AsSpan(Context.Length + PublicKeySize + 8));
        return bytes;
    }

    /// <summary>Signs <paramref name="text"/> at <paramref name="signedAt"/> with a raw 32-byte private key.</summary>
    public static MessageAuthor Sign(ReadOnlySpan<byte> privateKey, DateTimeOffset signedAt, string text)
    {
        using var key = Key.Import(Ed25519, privateKey, KeyBlobFormat.RawPrivateKey);
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var signature = Ed25519.Sign(key, SignedBytes(publicKey, signedAt, text));
        return new MessageAuthor(Convert.ToHexStringLower(publicKey), signedAt, Convert.ToHexStringLower(signature));
    }

    /// <summary>A new key pair: the raw 32-byte private key and the raw 32-byte public key.</summary>
    public static (byte[] PrivateKey, byte[] PublicKey) CreateKey()
    {
        using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return (key.Export(KeyBlobFormat.RawPrivateKey), key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>Whether <paramref name="author"/>'s signature over <paramref name="text"/> verifies; false for any
    /// malformed key or signature.</summary>
    public static bool Verifies(MessageAuthor author, string text)
    {
        if (!IsHex(author.PublicKey, PublicKeySize) || !IsHex(author.Signature, SignatureSize))
        {
            return false;
        }

        var publicKeyBytes = Convert.FromHexString(author.PublicKey);
        return PublicKey.TryImport(Ed25519, publicKeyBytes, KeyBlobFormat.RawPublicKey, out var publicKey)
            && Ed25519.Verify(publicKey!, SignedBytes(publicKeyBytes, author.SignedAt, text), Convert.FromHexString(author.Signature));
    }

    public static string Fingerprint(string publicKeyHex) =>
        IsHex(publicKeyHex, PublicKeySize) ? Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(publicKeyHex)))[..16] : "(malformed key)";

    /// <summary>Lowercase hex of exactly <paramref name="bytes"/> bytes: one spelling per value, so ids and leaves are canonical.</summary>
    private static bool IsHex(string? value, int bytes) =>
        value is not null && value.Length == 2 * bytes && value.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;
}
