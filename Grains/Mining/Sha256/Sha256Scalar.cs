using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Orleans.Blockchain.Mining;

/// <summary>Plain one-word SHA-256 pieces: used once per template (midstate, the nonce-independent first
/// rounds and schedule words), never per nonce.</summary>
internal static class Sha256Scalar
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint BigSigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint BigSigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Ch(uint e, uint f, uint g) => (e & f) ^ (~e & g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Maj(uint a, uint b, uint c) => (a & b) ^ (a & c) ^ (b & c);

    /// <summary>Schedule word t from the 16 before it.</summary>
    public static uint Expand(ReadOnlySpan<uint> w, int t) =>
        SmallSigma1(w[t - 2]) + w[t - 7] + SmallSigma0(w[t - 15]) + w[t - 16];

    /// <summary>One round on <paramref name="state"/> (a..h), <paramref name="kw"/> = K[t] + W[t].</summary>
    public static void Round(Span<uint> state, uint kw)
    {
        var t1 = state[7] + BigSigma1(state[4]) + Ch(state[4], state[5], state[6]) + kw;
        var t2 = BigSigma0(state[0]) + Maj(state[0], state[1], state[2]);
        state[..7].CopyTo(state[1..]);
        state[4] += t1;
        state[0] = t1 + t2;
    }

    /// <summary>Compresses one 64-byte block into <paramref name="hash"/> (8 words).</summary>
    public static void Compress(Span<uint> hash, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            w[t] = Expand(w, t);
        }

        Span<uint> state = stackalloc uint[8];
        hash[..8].CopyTo(state);
        for (var t = 0; t < 64; t++)
        {
            Round(state, Sha256Constants.K[t] + w[t]);
        }

        for (var i = 0; i < 8; i++)
        {
            hash[i] += state[i];
        }
    }
}
