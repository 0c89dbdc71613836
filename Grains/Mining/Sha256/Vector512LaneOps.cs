using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Orleans.Blockchain.Mining;

/// <summary>Sixteen nonces per 512-bit register. With AVX-512 a rotate is one instruction; without it the same
/// code runs on software vectors (slow but exact, which lets tests cover it anywhere). Like
/// <see cref="Vector256LaneOps"/>, each step is written out without helper calls, to keep the JIT inlining.</summary>
internal readonly struct Vector512LaneOps : ILaneOps<Vector512<uint>>
{
    public static int Count => Vector512<uint>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Create(uint value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Ascending(uint first) => Vector512.Create(first) + Vector512<uint>.Indices;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> x, Vector512<uint> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> SmallSigma0(Vector512<uint> x) =>
        Avx512F.IsSupported
            ? Avx512F.RotateRight(x, 7) ^ Avx512F.RotateRight(x, 18) ^ (x >>> 3)
            : ((x >>> 7) ^ (x << 25)) ^ ((x >>> 18) ^ (x << 14)) ^ (x >>> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> SmallSigma1(Vector512<uint> x) =>
        Avx512F.IsSupported
            ? Avx512F.RotateRight(x, 17) ^ Avx512F.RotateRight(x, 19) ^ (x >>> 10)
            : ((x >>> 17) ^ (x << 15)) ^ ((x >>> 19) ^ (x << 13)) ^ (x >>> 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Expand(Vector512<uint> w2, Vector512<uint> w7, Vector512<uint> w15, Vector512<uint> w16) =>
        Avx512F.IsSupported
            ? (Avx512F.RotateRight(w2, 17) ^ Avx512F.RotateRight(w2, 19) ^ (w2 >>> 10)) + w7
                + (Avx512F.RotateRight(w15, 7) ^ Avx512F.RotateRight(w15, 18) ^ (w15 >>> 3)) + w16
            : (((w2 >>> 17) ^ (w2 << 15)) ^ ((w2 >>> 19) ^ (w2 << 13)) ^ (w2 >>> 10)) + w7
                + (((w15 >>> 7) ^ (w15 << 25)) ^ ((w15 >>> 18) ^ (w15 << 14)) ^ (w15 >>> 3)) + w16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Round(
        Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, ref Vector512<uint> d,
        Vector512<uint> e, Vector512<uint> f, Vector512<uint> g, ref Vector512<uint> h, Vector512<uint> kw)
    {
        var sigma1 = Avx512F.IsSupported
            ? Avx512F.RotateRight(e, 6) ^ Avx512F.RotateRight(e, 11) ^ Avx512F.RotateRight(e, 25)
            : ((e >>> 6) ^ (e << 26)) ^ ((e >>> 11) ^ (e << 21)) ^ ((e >>> 25) ^ (e << 7));
        var t1 = h + kw + (((f ^ g) & e) ^ g) + sigma1;
        d += t1;
        var sigma0 = Avx512F.IsSupported
            ? Avx512F.RotateRight(a, 2) ^ Avx512F.RotateRight(a, 13) ^ Avx512F.RotateRight(a, 22)
            : ((a >>> 2) ^ (a << 30)) ^ ((a >>> 13) ^ (a << 19)) ^ ((a >>> 22) ^ (a << 10));
        h = t1 + (sigma0 + (((a ^ b) & (b ^ c)) ^ b));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ZeroLanes(Vector512<uint> x, uint mask) =>
        (uint)Vector512.Equals(x & Vector512.Create(mask), Vector512<uint>.Zero).ExtractMostSignificantBits();

    public static void CopyTo(Vector512<uint> x, Span<uint> destination) => x.CopyTo(destination);
}
