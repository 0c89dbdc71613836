using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Mining;

/// <summary>
/// The fast searcher: hashes the first 64 header bytes and the nonce-independent start of the second block once
/// per call (<see cref="Sha256NonceTemplate"/>), then runs the remaining rounds for 8 or 16 nonces at a time in
/// vector registers, rejecting on the first hash word. A lane that passes is confirmed with
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>, so results equal <see cref="Sha256NonceSearcher"/>'s.
/// </summary>
public sealed class MidstateNonceSearcher : INonceSearcher
{
    /// <summary>Uses the widest lanes this machine accelerates (<see cref="Widest"/>).</summary>
    public MidstateNonceSearcher()
        : this(Widest)
    {
    }

    /// <summary>Uses <paramref name="lanes"/>, accelerated or not: a vector width without hardware support
    /// still gives correct results, just slowly (useful for tests).</summary>
    public MidstateNonceSearcher(Sha256Lanes lanes)
    {
        if (!Enum.IsDefined(lanes))
        {
            throw new ArgumentOutOfRangeException(nameof(lanes), lanes, "Unknown lane width.");
        }

        Lanes = lanes;
    }

    /// <summary>16 lanes with AVX-512, 8 with AVX2 (or another accelerated 256-bit unit), else scalar.</summary>
    public static Sha256Lanes Widest =>
        Vector512.IsHardwareAccelerated ? Sha256Lanes.Vector512x16
        : Vector256.IsHardwareAccelerated ? Sha256Lanes.Vector256x8
        : Sha256Lanes.Scalar;

    public Sha256Lanes Lanes { get; }

    /// <summary>Nonces hashed per kernel step.</summary>
    public int LaneCount => Lanes switch
    {
        Sha256Lanes.Vector512x16 => Vector512LaneOps.Count,
        Sha256Lanes.Vector256x8 => Vector256LaneOps.Count,
        _ => ScalarLaneOps.Count,
    };

    public ulong? Search(ReadOnlySpan<byte> header, int difficulty, ulong start, uint count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(header.Length, BlockHeader.Size, nameof(header));
        if (count == 0)
        {
            return null;
        }

        if (difficulty <= 0)
        {
            return start;
        }

        // The first hash word must have its top 4d bits clear; deeper digits are left to the confirmation.
        return SearchFiltered(header, difficulty, start, count, FirstWordMask(difficulty));
    }

    /// <summary>The bits of the first hash word that must be clear to meet <paramref name="difficulty"/> (> 0).</summary>
    internal static uint FirstWordMask(int difficulty) =>
        difficulty >= 8 ? uint.MaxValue : ~(uint.MaxValue >> (4 * difficulty));

    /// <summary><see cref="Search"/> with the kernel's filter on the first hash word given. Any
    /// <paramref name="mask"/> whose bits are within <see cref="FirstWordMask"/> gives the same answer, since
    /// candidates are confirmed; a looser one only makes more of them (tests use that).</summary>
    internal ulong? SearchFiltered(ReadOnlySpan<byte> header, int difficulty, ulong start, uint count, uint mask)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(header.Length, BlockHeader.Size, nameof(header));
        var nonce = start;
        var remaining = count;
        while (remaining != 0)
        {
            // Split where the nonce's high word changes: the template fixes it.
            var low = (uint)nonce;
            var segment = (uint)Math.Min(remaining, (1UL << 32) - low);
            Sha256NonceTemplate.Create(header, (uint)(nonce >> 32), out var template);
            var found = Lanes switch
            {
                Sha256Lanes.Vector512x16 => SearchSegment<Vector512LaneOps, Vector512<uint>>(header, difficulty, in template, mask, nonce, segment),
                Sha256Lanes.Vector256x8 => SearchSegment<Vector256LaneOps, Vector256<uint>>(header, difficulty, in template, mask, nonce, segment),
                _ => SearchSegment<ScalarLaneOps, uint>(header, difficulty, in template, mask, nonce, segment),
            };
            if (found is not null)
            {
                return found;
            }

            nonce += segment;
            remaining -= segment;
        }

        return null;
    }

    /// <summary>Hashes the nonces <paramref name="firstNonce"/> + i (wrapping) through this searcher's kernel and
    /// writes their 32-byte digests one after another into <paramref name="hashes"/>; its length sets the count.</summary>
    internal void HashNonces(ReadOnlySpan<byte> header, ulong firstNonce, Span<byte> hashes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(header.Length, BlockHeader.Size, nameof(header));
        if (hashes.Length % 32 != 0)
        {
            throw new ArgumentException("The destination must hold whole 32-byte hashes.", nameof(hashes));
        }

        // One kernel step per group of lanes; a group stops early where the high word changes.
        Span<uint> words = stackalloc uint[8 * Vector512<uint>.Count];
        var total = hashes.Length / 32;
        for (var done = 0; done < total;)
        {
            var nonce = firstNonce + (ulong)done;
            var take = (int)Math.Min((ulong)Math.Min(LaneCount, total - done), (1UL << 32) - (uint)nonce);
            HashLanes(header, nonce, words);
            for (var w = 0; w < 8 * take; w++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(hashes[((32 * done) + (4 * w))..], words[w]);
            }

            done += take;
        }
    }

    private void HashLanes(ReadOnlySpan<byte> header, ulong nonce, Span<uint> words)
    {
        Sha256NonceTemplate.Create(header, (uint)(nonce >> 32), out var template);
        switch (Lanes)
        {
            case Sha256Lanes.Vector512x16:
                Sha256LaneKernel<Vector512LaneOps, Vector512<uint>>.Hash(in template, (uint)nonce, words);
                break;
            case Sha256Lanes.Vector256x8:
                Sha256LaneKernel<Vector256LaneOps, Vector256<uint>>.Hash(in template, (uint)nonce, words);
                break;
            default:
                Sha256LaneKernel<ScalarLaneOps, uint>.Hash(in template, (uint)nonce, words);
                break;
        }
    }

    private static ulong? SearchSegment<TOps, TV>(
        ReadOnlySpan<byte> header, int difficulty, ref readonly Sha256NonceTemplate template, uint mask, ulong first, uint count)
        where TOps : struct, ILaneOps<TV>
        where TV : unmanaged
    {
        var high = first & 0xFFFF_FFFF_0000_0000;
        var low = (uint)first;
        var remaining = count;
        while (remaining != 0)
        {
            var lanes = Sha256LaneKernel<TOps, TV>.Scan(in template, mask, ref low, ref remaining);
            for (; lanes != 0; lanes &= lanes - 1)
            {
                var nonce = high | (low + (uint)BitOperations.TrailingZeroCount(lanes));
                if (Confirm(header, difficulty, nonce))
                {
                    return nonce;
                }
            }

            Sha256LaneKernel<TOps, TV>.Skip(ref low, ref remaining);
        }

        return null;
    }

    /// <summary>The exact check of a candidate, independent of the kernel.</summary>
    private static bool Confirm(ReadOnlySpan<byte> header, int difficulty, ulong nonce)
    {
        Span<byte> work = stackalloc byte[BlockHeader.Size];
        Span<byte> hash = stackalloc byte[32];
        header[..BlockHeader.Size].CopyTo(work);
        BlockHeader.WriteNonce(work, nonce);
        SHA256.HashData(work, hash);
        return ProofOfWork.Meets(hash, difficulty);
    }
}
