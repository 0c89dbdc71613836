namespace Orleans.Blockchain.Mining;

/// <summary>
/// The SHA-256 steps on <typeparamref name="TV"/> = one 32-bit word per nonce lane, implemented by a struct per
/// width so the generic kernel is compiled separately for each. The steps are coarse (a whole round, a whole
/// schedule word) on purpose: the kernel is a few long unrolled methods, and the JIT stops inlining in such a
/// method once inlined helpers have created a few hundred temporaries.
/// </summary>
internal interface ILaneOps<TV>
    where TV : unmanaged
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane = <paramref name="value"/>.</summary>
    static abstract TV Create(uint value);

    /// <summary>Lane i = <paramref name="first"/> + i (wrapping).</summary>
    static abstract TV Ascending(uint first);

    static abstract TV Add(TV x, TV y);

    static abstract TV SmallSigma0(TV x);

    static abstract TV SmallSigma1(TV x);

    /// <summary>Schedule word t from words t-2, t-7, t-15 and t-16.</summary>
    static abstract TV Expand(TV w2, TV w7, TV w15, TV w16);

    /// <summary>One round, <paramref name="kw"/> = K[t] + W[t]: d += t1 and h = t1 + t2; the caller rotates the
    /// names (a..h becomes h, a..g) so no value moves between rounds.</summary>
    static abstract void Round(TV a, TV b, TV c, ref TV d, TV e, TV f, TV g, ref TV h, TV kw);

    /// <summary>Bit i set when lane i has all bits of <paramref name="mask"/> clear.</summary>
    static abstract uint ZeroLanes(TV x, uint mask);

    /// <summary>Writes the lanes to <paramref name="destination"/>.</summary>
    static abstract void CopyTo(TV x, Span<uint> destination);
}
