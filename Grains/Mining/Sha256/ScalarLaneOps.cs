using System.Runtime.CompilerServices;

namespace Orleans.Blockchain.Mining;

/// <summary>One nonce at a time: the fallback when no vector unit is accelerated.</summary>
internal readonly struct ScalarLaneOps : ILaneOps<uint>
{
    public static int Count => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Create(uint value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Ascending(uint first) => first;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint x, uint y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma0(uint x) => Sha256Scalar.SmallSigma0(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma1(uint x) => Sha256Scalar.SmallSigma1(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Expand(uint w2, uint w7, uint w15, uint w16) =>
        Sha256Scalar.SmallSigma1(w2) + w7 + Sha256Scalar.SmallSigma0(w15) + w16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Round(uint a, uint b, uint c, ref uint d, uint e, uint f, uint g, ref uint h, uint kw)
    {
        var t1 = h + kw + Sha256Scalar.BigSigma1(e) + Sha256Scalar.Ch(e, f, g);
        d += t1;
        h = t1 + Sha256Scalar.BigSigma0(a) + Sha256Scalar.Maj(a, b, c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ZeroLanes(uint x, uint mask) => (x & mask) == 0 ? 1u : 0u;

    public static void CopyTo(uint x, Span<uint> destination) => destination[0] = x;
}
