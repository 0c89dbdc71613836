using System.Text.Json.Serialization;

namespace Orleans.Blockchain.Chain;

/// <summary>Who wrote a signed message: an Ed25519 public key, the time the author signed at and the signature over
/// both and the text (<see cref="MessageSignature"/>). The message's id and Merkle leaf commit to all three, so a
/// signed message cannot be re-attributed.</summary>
/// <param name="PublicKey">The raw 32-byte Ed25519 public key, 64 lowercase hex digits.</param>
/// <param name="SignedAt">The author's time, in whole milliseconds (UTC).</param>
/// <param name="Signature">The raw 64-byte Ed25519 signature, 128 lowercase hex digits.</param>
[GenerateSerializer, Immutable, Alias("MessageAuthor")]
public sealed record MessageAuthor(
    [property: Id(0)] string PublicKey,
    [property: Id(1)] DateTimeOffset SignedAt,
    [property: Id(2)] string Signature)
{
    /// <summary>A short name for the key: the first 16 hex digits of SHA-256 of the raw public key. Not in the JSON:
    /// whoever reads a key computes it, so no bundle can carry a fingerprint that does not match its key.</summary>
    [JsonIgnore]
    public string Fingerprint => MessageSignature.Fingerprint(PublicKey);
}
