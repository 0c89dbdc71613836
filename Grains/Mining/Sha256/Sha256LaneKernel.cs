using System.Runtime.CompilerServices;

namespace Orleans.Blockchain.Mining;

/// <summary>
/// SHA-256 of a header's second block for <c>TOps.Count</c> nonces at once, starting from a
/// <see cref="Sha256NonceTemplate"/> (so only rounds 8..63 remain). Written once, compiled per lane width.
/// </summary>
internal static class Sha256LaneKernel<TOps, TV>
    where TOps : struct, ILaneOps<TV>
    where TV : unmanaged
{
    /// <summary>Scans the nonces with low words <paramref name="low"/> .. + <paramref name="remaining"/> - 1,
    /// a vector at a time, and stops at the first vector where some lane's first hash word has every bit of
    /// <paramref name="mask"/> clear. Returns those lanes (0 when the range is exhausted); <paramref name="low"/>
    /// and <paramref name="remaining"/> then describe that vector onwards.</summary>
    public static uint Scan(ref readonly Sha256NonceTemplate template, uint mask, ref uint low, ref uint remaining)
    {
        var h0 = TOps.Create(template.Midstate[0]);
        Span<TV> w = stackalloc TV[16];
        while (remaining != 0)
        {
            Compress(in template, TOps.Ascending(low), w, out var state);
            var lanes = TOps.ZeroLanes(TOps.Add(state.A, h0), mask);
            if (remaining < (uint)TOps.Count)
            {
                lanes &= (1u << (int)remaining) - 1;
            }

            if (lanes != 0)
            {
                return lanes;
            }

            Skip(ref low, ref remaining);
        }

        return 0;
    }

    /// <summary>Moves past one vector of nonces.</summary>
    public static void Skip(ref uint low, ref uint remaining)
    {
        low += (uint)TOps.Count;
        remaining -= Math.Min(remaining, (uint)TOps.Count);
    }

    /// <summary>The full hash words (big-endian order) of the nonces with low words <paramref name="low"/> + lane,
    /// lane-major into <paramref name="words"/>: words[8 * lane + i] is word i of that lane's hash.</summary>
    public static void Hash(ref readonly Sha256NonceTemplate template, uint low, Span<uint> words)
    {
        Span<TV> w = stackalloc TV[16];
        Compress(in template, TOps.Ascending(low), w, out var state);
        Span<uint> lanes = stackalloc uint[TOps.Count];
        ReadOnlySpan<TV> final = [state.A, state.B, state.C, state.D, state.E, state.F, state.G, state.H];
        for (var i = 0; i < 8; i++)
        {
            TOps.CopyTo(TOps.Add(final[i], TOps.Create(template.Midstate[i])), lanes);
            for (var lane = 0; lane < lanes.Length; lane++)
            {
                words[(8 * lane) + i] = lanes[lane];
            }
        }
    }

    /// <summary>Rounds 8..63 of the second block for the nonce low words <paramref name="x"/>. The schedule words
    /// live in the 16-word ring <paramref name="w"/> (memory: the registers hold the state and the JIT reads the
    /// words as operands) and each is computed 8 rounds before its use, so the CPU has independent work to overlap
    /// with the serial rounds. Split in three because the JIT stops inlining and tracking locals in one very long
    /// method; each part still runs for hundreds of cycles, so the calls cost nothing that shows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Compress(ref readonly Sha256NonceTemplate template, TV x, Span<TV> w, out Sha256LaneState<TV> state)
    {
        Rounds8To21(in template, x, w, out state);
        Rounds22To37(in template, x, w, ref state);
        Rounds38To63(w, ref state);
    }

    /// <summary>Rounds 8..21, whose message words are constant (K[t] + W[t] precomputed); starts the schedule.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Rounds8To21(ref readonly Sha256NonceTemplate template, TV x, Span<TV> w, out Sha256LaneState<TV> state)
    {
        ReadOnlySpan<uint> pw = template.PartialW;
        ReadOnlySpan<uint> start = template.Round8;
        ReadOnlySpan<uint> kw = template.ConstantKw;
        var a = TOps.Add(TOps.Create(start[0]), x);
        var b = TOps.Create(start[1]);
        var c = TOps.Create(start[2]);
        var d = TOps.Create(start[3]);
        var e = TOps.Add(TOps.Create(start[4]), x);
        var f = TOps.Create(start[5]);
        var g = TOps.Create(start[6]);
        var h = TOps.Create(start[7]);

        TOps.Round(a, b, c, ref d, e, f, g, ref h, TOps.Create(kw[0]));
        TOps.Round(h, a, b, ref c, d, e, f, ref g, TOps.Create(kw[1]));
        TOps.Round(g, h, a, ref b, c, d, e, ref f, TOps.Create(kw[2]));
        TOps.Round(f, g, h, ref a, b, c, d, ref e, TOps.Create(kw[3]));
        TOps.Round(e, f, g, ref h, a, b, c, ref d, TOps.Create(kw[4]));
        TOps.Round(d, e, f, ref g, h, a, b, ref c, TOps.Create(kw[5]));
        w[6] = TOps.Add(TOps.Create(pw[0]), TOps.SmallSigma0(x));
        TOps.Round(c, d, e, ref f, g, h, a, ref b, TOps.Create(kw[6]));
        w[7] = TOps.Add(TOps.Create(pw[1]), x);
        TOps.Round(b, c, d, ref e, f, g, h, ref a, TOps.Create(kw[7]));
        w[8] = TOps.Add(TOps.SmallSigma1(w[6]), TOps.Create(pw[2]));
        TOps.Round(a, b, c, ref d, e, f, g, ref h, TOps.Create(kw[8]));
        w[9] = TOps.Add(TOps.SmallSigma1(w[7]), TOps.Create(pw[3]));
        TOps.Round(h, a, b, ref c, d, e, f, ref g, TOps.Create(kw[9]));
        w[10] = TOps.Add(TOps.SmallSigma1(w[8]), TOps.Create(pw[4]));
        TOps.Round(g, h, a, ref b, c, d, e, ref f, TOps.Create(kw[10]));
        w[11] = TOps.Add(TOps.SmallSigma1(w[9]), TOps.Create(pw[5]));
        TOps.Round(f, g, h, ref a, b, c, d, ref e, TOps.Create(kw[11]));
        w[12] = TOps.Add(TOps.SmallSigma1(w[10]), TOps.Create(pw[6]));
        TOps.Round(e, f, g, ref h, a, b, c, ref d, TOps.Create(kw[12]));
        w[13] = TOps.Add(TOps.Add(TOps.SmallSigma1(w[11]), w[6]), TOps.Create(pw[7]));
        TOps.Round(d, e, f, ref g, h, a, b, ref c, TOps.Create(kw[13]));

        state.A = c;
        state.B = d;
        state.C = e;
        state.D = f;
        state.E = g;
        state.F = h;
        state.G = a;
        state.H = b;
    }

    /// <summary>Rounds 22..37; words up to 37 are a precomputed constant plus the terms that depend on x.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Rounds22To37(ref readonly Sha256NonceTemplate template, TV x, Span<TV> w, ref Sha256LaneState<TV> state)
    {
        ReadOnlySpan<uint> pw = template.PartialW;
        var c = state.A;
        var d = state.B;
        var e = state.C;
        var f = state.D;
        var g = state.E;
        var h = state.F;
        var a = state.G;
        var b = state.H;

        w[14] = TOps.Add(TOps.Add(TOps.SmallSigma1(w[12]), w[7]), TOps.Create(pw[8]));
        TOps.Round(c, d, e, ref f, g, h, a, ref b, TOps.Add(TOps.Create(0x5cb0a9dc), w[6]));
        w[15] = TOps.Add(TOps.Add(TOps.SmallSigma1(w[13]), w[8]), TOps.Create(pw[9]));
        TOps.Round(b, c, d, ref e, f, g, h, ref a, TOps.Add(TOps.Create(0x76f988da), w[7]));
        w[0] = TOps.Add(TOps.Add(TOps.SmallSigma1(w[14]), w[9]), TOps.Create(pw[10]));
        TOps.Round(a, b, c, ref d, e, f, g, ref h, TOps.Add(TOps.Create(0x983e5152), w[8]));
        w[1] = TOps.Add(TOps.Add(TOps.SmallSigma1(w[15]), w[10]), TOps.Create(pw[11]));
        TOps.Round(h, a, b, ref c, d, e, f, ref g, TOps.Add(TOps.Create(0xa831c66d), w[9]));
        w[2] = TOps.Add(TOps.Add(TOps.SmallSigma1(w[0]), w[11]), TOps.Create(pw[12]));
        TOps.Round(g, h, a, ref b, c, d, e, ref f, TOps.Add(TOps.Create(0xb00327c8), w[10]));
        w[3] = TOps.Add(TOps.Add(TOps.SmallSigma1(w[1]), w[12]), TOps.Create(pw[13]));
        TOps.Round(f, g, h, ref a, b, c, d, ref e, TOps.Add(TOps.Create(0xbf597fc7), w[11]));
        w[4] = TOps.Add(TOps.Add(TOps.SmallSigma1(w[2]), w[13]), TOps.Create(pw[14]));
        TOps.Round(e, f, g, ref h, a, b, c, ref d, TOps.Add(TOps.Create(0xc6e00bf3), w[12]));
        w[5] = TOps.Expand(w[3], w[14], w[6], TOps.Create(pw[15]));
        TOps.Round(d, e, f, ref g, h, a, b, ref c, TOps.Add(TOps.Create(0xd5a79147), w[13]));
        w[6] = TOps.Expand(w[4], w[15], w[7], w[6]);
        TOps.Round(c, d, e, ref f, g, h, a, ref b, TOps.Add(TOps.Create(0x06ca6351), w[14]));
        w[7] = TOps.Expand(w[5], w[0], w[8], w[7]);
        TOps.Round(b, c, d, ref e, f, g, h, ref a, TOps.Add(TOps.Create(0x14292967), w[15]));
        w[8] = TOps.Expand(w[6], w[1], w[9], w[8]);
        TOps.Round(a, b, c, ref d, e, f, g, ref h, TOps.Add(TOps.Create(0x27b70a85), w[0]));
        w[9] = TOps.Expand(w[7], w[2], w[10], w[9]);
        TOps.Round(h, a, b, ref c, d, e, f, ref g, TOps.Add(TOps.Create(0x2e1b2138), w[1]));
        w[10] = TOps.Expand(w[8], w[3], w[11], w[10]);
        TOps.Round(g, h, a, ref b, c, d, e, ref f, TOps.Add(TOps.Create(0x4d2c6dfc), w[2]));
        w[11] = TOps.Expand(w[9], w[4], w[12], w[11]);
        TOps.Round(f, g, h, ref a, b, c, d, ref e, TOps.Add(TOps.Create(0x53380d13), w[3]));
        w[12] = TOps.Expand(w[10], w[5], w[13], w[12]);
        TOps.Round(e, f, g, ref h, a, b, c, ref d, TOps.Add(TOps.Create(0x650a7354), w[4]));
        w[13] = TOps.Expand(w[11], w[6], w[14], w[13]);
        TOps.Round(d, e, f, ref g, h, a, b, ref c, TOps.Add(TOps.Create(0x766a0abb), w[5]));

        state.A = c;
        state.B = d;
        state.C = e;
        state.D = f;
        state.E = g;
        state.F = h;
        state.G = a;
        state.H = b;
    }

    /// <summary>Rounds 38..63, with the plain schedule.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Rounds38To63(Span<TV> w, ref Sha256LaneState<TV> state)
    {
        var c = state.A;
        var d = state.B;
        var e = state.C;
        var f = state.D;
        var g = state.E;
        var h = state.F;
        var a = state.G;
        var b = state.H;

        w[14] = TOps.Expand(w[12], w[7], w[15], w[14]);
        TOps.Round(c, d, e, ref f, g, h, a, ref b, TOps.Add(TOps.Create(0x81c2c92e), w[6]));
        w[15] = TOps.Expand(w[13], w[8], w[0], w[15]);
        TOps.Round(b, c, d, ref e, f, g, h, ref a, TOps.Add(TOps.Create(0x92722c85), w[7]));
        w[0] = TOps.Expand(w[14], w[9], w[1], w[0]);
        TOps.Round(a, b, c, ref d, e, f, g, ref h, TOps.Add(TOps.Create(0xa2bfe8a1), w[8]));
        w[1] = TOps.Expand(w[15], w[10], w[2], w[1]);
        TOps.Round(h, a, b, ref c, d, e, f, ref g, TOps.Add(TOps.Create(0xa81a664b), w[9]));
        w[2] = TOps.Expand(w[0], w[11], w[3], w[2]);
        TOps.Round(g, h, a, ref b, c, d, e, ref f, TOps.Add(TOps.Create(0xc24b8b70), w[10]));
        w[3] = TOps.Expand(w[1], w[12], w[4], w[3]);
        TOps.Round(f, g, h, ref a, b, c, d, ref e, TOps.Add(TOps.Create(0xc76c51a3), w[11]));
        w[4] = TOps.Expand(w[2], w[13], w[5], w[4]);
        TOps.Round(e, f, g, ref h, a, b, c, ref d, TOps.Add(TOps.Create(0xd192e819), w[12]));
        w[5] = TOps.Expand(w[3], w[14], w[6], w[5]);
        TOps.Round(d, e, f, ref g, h, a, b, ref c, TOps.Add(TOps.Create(0xd6990624), w[13]));
        w[6] = TOps.Expand(w[4], w[15], w[7], w[6]);
        TOps.Round(c, d, e, ref f, g, h, a, ref b, TOps.Add(TOps.Create(0xf40e3585), w[14]));
        w[7] = TOps.Expand(w[5], w[0], w[8], w[7]);
        TOps.Round(b, c, d, ref e, f, g, h, ref a, TOps.Add(TOps.Create(0x106aa070), w[15]));
        w[8] = TOps.Expand(w[6], w[1], w[9], w[8]);
        TOps.Round(a, b, c, ref d, e, f, g, ref h, TOps.Add(TOps.Create(0x19a4c116), w[0]));
        w[9] = TOps.Expand(w[7], w[2], w[10], w[9]);
        TOps.Round(h, a, b, ref c, d, e, f, ref g, TOps.Add(TOps.Create(0x1e376c08), w[1]));
        w[10] = TOps.Expand(w[8], w[3], w[11], w[10]);
        TOps.Round(g, h, a, ref b, c, d, e, ref f, TOps.Add(TOps.Create(0x2748774c), w[2]));
        w[11] = TOps.Expand(w[9], w[4], w[12], w[11]);
        TOps.Round(f, g, h, ref a, b, c, d, ref e, TOps.Add(TOps.Create(0x34b0bcb5), w[3]));
        w[12] = TOps.Expand(w[10], w[5], w[13], w[12]);
        TOps.Round(e, f, g, ref h, a, b, c, ref d, TOps.Add(TOps.Create(0x391c0cb3), w[4]));
        w[13] = TOps.Expand(w[11], w[6], w[14], w[13]);
        TOps.Round(d, e, f, ref g, h, a, b, ref c, TOps.Add(TOps.Create(0x4ed8aa4a), w[5]));
        w[14] = TOps.Expand(w[12], w[7], w[15], w[14]);
        TOps.Round(c, d, e, ref f, g, h, a, ref b, TOps.Add(TOps.Create(0x5b9cca4f), w[6]));
        w[15] = TOps.Expand(w[13], w[8], w[0], w[15]);
        TOps.Round(b, c, d, ref e, f, g, h, ref a, TOps.Add(TOps.Create(0x682e6ff3), w[7]));
        TOps.Round(a, b, c, ref d, e, f, g, ref h, TOps.Add(TOps.Create(0x748f82ee), w[8]));
        TOps.Round(h, a, b, ref c, d, e, f, ref g, TOps.Add(TOps.Create(0x78a5636f), w[9]));
        TOps.Round(g, h, a, ref b, c, d, e, ref f, TOps.Add(TOps.Create(0x84c87814), w[10]));
        TOps.Round(f, g, h, ref a, b, c, d, ref e, TOps.Add(TOps.Create(0x8cc70208), w[11]));
        TOps.Round(e, f, g, ref h, a, b, c, ref d, TOps.Add(TOps.Create(0x90befffa), w[12]));
        TOps.Round(d, e, f, ref g, h, a, b, ref c, TOps.Add(TOps.Create(0xa4506ceb), w[13]));
        TOps.Round(c, d, e, ref f, g, h, a, ref b, TOps.Add(TOps.Create(0xbef9a3f7), w[14]));
        TOps.Round(b, c, d, ref e, f, g, h, ref a, TOps.Add(TOps.Create(0xc67178f2), w[15]));

        state.A = a;
        state.B = b;
        state.C = c;
        state.D = d;
        state.E = e;
        state.F = f;
        state.G = g;
        state.H = h;
    }
}
