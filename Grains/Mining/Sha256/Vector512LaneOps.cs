using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Orleans.Blockchain.Mining;

/// <summary>Sixteen nonces per 512-bit register (AVX-512, which also has a rotate instruction). Without AVX-512
/// the same code runs on software vectors: slow, but exact, which lets tests cover it anywhere.</summary>
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
            : (x >>> 7) ^ (x << 25) ^ (x >>> 18) ^ (x << 14) ^ (x >>> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> SmallSigma1(Vector512<uint> x) =>
        Avx512F.IsSupported
            ? Avx512F.RotateRight(x, 17) ^ Avx512F.RotateRight(x, 19) ^ (x >>> 10)
            : (x >>> 17) ^ (x << 15) ^ (x >>> 19) ^ (x << 13) ^ (x >>> 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Expand(Vector512<uint> w2, Vector512<uint> w7, Vector512<uint> w15, Vector512<uint> w16) =>
        SmallSigma1(w2) + w7 + SmallSigma0(w15) + w16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Round(
        Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, ref Vector512<uint> d,
        Vector512<uint> e, Vector512<uint> f, Vector512<uint> g, ref Vector512<uint> h, Vector512<uint> kw)
    {
        var t1 = h + kw + BigSigma1(e) + (((f ^ g) & e) ^ g);
        d += t1;
        h = t1 + BigSigma0(a) + (((a ^ b) & (b ^ c)) ^ b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ZeroLanes(Vector512<uint> x, uint mask) =>
        (uint)Vector512.Equals(x & Vector512.Create(mask), Vector512<uint>.Zero).ExtractMostSignificantBits();

    public static void CopyTo(Vector512<uint> x, Span<uint> destination) => x.CopyTo(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> BigSigma0(Vector512<uint> x) =>
        Avx512F.IsSupported
            ? Avx512F.RotateRight(x, 2) ^ Avx512F.RotateRight(x, 13) ^ Avx512F.RotateRight(x, 22)
            : (x >>> 2) ^ (x << 30) ^ (x >>> 13) ^ (x << 19) ^ (x >>> 22) ^ (x << 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> BigSigma1(Vector512<uint> x) =>
        Avx512F.IsSupported
            ? Avx512F.RotateRight(x, 6) ^ Avx512F.RotateRight(x, 11) ^ Avx512F.RotateRight(x, 25)
            : (x >>> 6) ^ (x << 26) ^ (x >>> 11) ^ (x << 21) ^ (x >>> 25) ^ (x << 7);
}
