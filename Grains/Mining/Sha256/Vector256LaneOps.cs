using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Orleans.Blockchain.Mining;

/// <summary>Eight nonces per 256-bit register (AVX2). Written with operators only, which the JIT turns straight
/// into instructions. AVX2 has no rotate, so each rotate is two shifts joined by xor.</summary>
internal readonly struct Vector256LaneOps : ILaneOps<Vector256<uint>>
{
    public static int Count => Vector256<uint>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Create(uint value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Ascending(uint first) => Vector256.Create(first) + Vector256<uint>.Indices;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> x, Vector256<uint> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma0(Vector256<uint> x) =>
        ((x >>> 7) ^ (x << 25)) ^ ((x >>> 18) ^ (x << 14)) ^ (x >>> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma1(Vector256<uint> x) =>
        ((x >>> 17) ^ (x << 15)) ^ ((x >>> 19) ^ (x << 13)) ^ (x >>> 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Expand(Vector256<uint> w2, Vector256<uint> w7, Vector256<uint> w15, Vector256<uint> w16) =>
        (((w2 >>> 17) ^ (w2 << 15)) ^ ((w2 >>> 19) ^ (w2 << 13)) ^ (w2 >>> 10))
        + w7 + (((w15 >>> 7) ^ (w15 << 25)) ^ ((w15 >>> 18) ^ (w15 << 14)) ^ (w15 >>> 3)) + w16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Round(
        Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, ref Vector256<uint> d,
        Vector256<uint> e, Vector256<uint> f, Vector256<uint> g, ref Vector256<uint> h, Vector256<uint> kw)
    {
        // Rotated parts never overlap, so xor joins them as well as or would; pairing them keeps the chain
        // from e to the next e short (rounds are serial, so latency counts as much as instruction count).
        var sigma1 = ((e >>> 6) ^ (e << 26)) ^ ((e >>> 11) ^ (e << 21)) ^ ((e >>> 25) ^ (e << 7));
        var t1 = h + kw + (((f ^ g) & e) ^ g) + sigma1;
        d += t1;
        var sigma0 = ((a >>> 2) ^ (a << 30)) ^ ((a >>> 13) ^ (a << 19)) ^ ((a >>> 22) ^ (a << 10));
        h = t1 + (sigma0 + (((a ^ b) & (b ^ c)) ^ b));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ZeroLanes(Vector256<uint> x, uint mask) =>
        Vector256.Equals(x & Vector256.Create(mask), Vector256<uint>.Zero).ExtractMostSignificantBits();

    public static void CopyTo(Vector256<uint> x, Span<uint> destination) => x.CopyTo(destination);
}
