namespace Orleans.Blockchain.Mining;

/// <summary>How many nonces <see cref="MidstateNonceSearcher"/> hashes at once.</summary>
public enum Sha256Lanes
{
    /// <summary>One nonce at a time in general-purpose registers.</summary>
    Scalar,

    /// <summary>Eight nonces per <see cref="System.Runtime.Intrinsics.Vector256{T}"/> (AVX2).</summary>
    Vector256x8,

    /// <summary>Sixteen nonces per <see cref="System.Runtime.Intrinsics.Vector512{T}"/> (AVX-512).</summary>
    Vector512x16,
}
