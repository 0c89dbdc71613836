using System.Buffers.Binary;

namespace Orleans.Blockchain.Mining;

/// <summary>
/// Everything about hashing a header that does not depend on the low 32 bits of the nonce (x), computed once so
/// each nonce costs rounds 8..63 of one compression. The second block's words are W0..W5 (header bytes 64..87),
/// W6 = nonce high word, W7 = x, W8 = padding, W9..W14 = 0, W15 = bit length. Hence rounds 0..6 are constant,
/// round 7 only adds x to a and e, W16..W21 are constant, and W22..W37 are a constant plus a few terms in x.
/// </summary>
internal struct Sha256NonceTemplate
{
    /// <summary>The hash state after the first 64 header bytes.</summary>
    public Sha256Words8 Midstate;

    /// <summary>The state entering round 8, except that a and e still need x added.</summary>
    public Sha256Words8 Round8;

    /// <summary>K[t] + W[t] for the constant words t = 8..21, at t - 8.</summary>
    public Sha256Words16 ConstantKw;

    /// <summary>The sum of the nonce-independent terms of W[t] for t = 22..37, at t - 22.</summary>
    public Sha256Words16 PartialW;

    /// <summary>The template of the nonces <paramref name="nonceHigh"/> * 2^32 + x.</summary>
    public static void Create(ReadOnlySpan<byte> header, uint nonceHigh, out Sha256NonceTemplate template)
    {
        template = default;
        Span<uint> midstate = template.Midstate;
        Sha256Constants.InitialState.CopyTo(midstate);
        Sha256Scalar.Compress(midstate, header[..64]);

        Span<uint> w = stackalloc uint[38];
        for (var t = 0; t < 6; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(header[(64 + (4 * t))..]);
        }

        w[6] = nonceHigh;
        w[8] = Sha256Constants.PaddingWord;
        w[15] = Sha256Constants.HeaderBitLength;
        for (var t = 16; t <= 21; t++)
        {
            w[t] = Sha256Scalar.Expand(w, t);
        }

        // Rounds 0..6 only see constant words.
        Span<uint> state = stackalloc uint[8];
        midstate.CopyTo(state);
        for (var t = 0; t < 7; t++)
        {
            Sha256Scalar.Round(state, Sha256Constants.K[t] + w[t]);
        }

        // Round 7: t1 = p + x and t2 are otherwise constant, so a = p + t2 + x and e = d + p + x.
        var p = state[7] + Sha256Scalar.BigSigma1(state[4]) + Sha256Scalar.Ch(state[4], state[5], state[6]) + Sha256Constants.K[7];
        var t2 = Sha256Scalar.BigSigma0(state[0]) + Sha256Scalar.Maj(state[0], state[1], state[2]);
        Span<uint> round8 = template.Round8;
        round8[0] = p + t2;
        round8[1] = state[0];
        round8[2] = state[1];
        round8[3] = state[2];
        round8[4] = state[3] + p;
        round8[5] = state[4];
        round8[6] = state[5];
        round8[7] = state[6];

        for (var t = 8; t <= 21; t++)
        {
            template.ConstantKw[t - 8] = Sha256Constants.K[t] + w[t];
        }

        // W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16]; keep the terms whose word is known (t <= 21, t != 7).
        for (var t = 22; t <= 37; t++)
        {
            var sum = 0u;
            sum += IsConstant(t - 2) ? Sha256Scalar.SmallSigma1(w[t - 2]) : 0;
            sum += IsConstant(t - 7) ? w[t - 7] : 0;
            sum += IsConstant(t - 15) ? Sha256Scalar.SmallSigma0(w[t - 15]) : 0;
            sum += IsConstant(t - 16) ? w[t - 16] : 0;
            template.PartialW[t - 22] = sum;
        }
    }

    private static bool IsConstant(int t) => t <= 21 && t != 7;
}
