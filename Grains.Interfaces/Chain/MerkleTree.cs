using System.Collections.Immutable;
using System.Security.Cryptography;

namespace Orleans.Blockchain.Chain;

/// <summary>
/// The Merkle hash tree of RFC 6962 §2.1 (RFC 9162 §2.1) over leaf hashes: its root (MTH), the audit path of one
/// leaf (PATH) and the root an audit path leads to (RFC 9162 §2.1.3.2). A leaf is SHA-256(0x00 ‖ data), a node
/// SHA-256(0x01 ‖ left ‖ right), split at the largest power of two below the count; no leaves give SHA-256 of nothing.
/// Plain code on purpose: miners, gateways, the CLI's offline <c>verify</c> and the tests share this one copy.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    public static byte[] HashLeaf(ReadOnlySpan<byte> data)
    {
        var leaf = new byte[1 + data.Length];
        data.CopyTo(leaf.AsSpan(1));
        return SHA256.HashData(leaf);
    }

    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> node = stackalloc byte[1 + 2 * HashSize];
        node[0] = 0x01;
        left.CopyTo(node[1..]);
        right.CopyTo(node[(1 + HashSize)..]);
        return SHA256.HashData(node);
    }

    /// <summary>MTH(D[n]): the root over these leaf hashes.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) => Root(leafHashes, 0, leafHashes.Count);

    /// <summary>PATH(m, D[n]): the sibling hashes from leaf <paramref name="index"/> up to the root, lowest first.</summary>
    public static ImmutableArray<byte[]> AuditPath(IReadOnlyList<byte[]> leafHashes, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, leafHashes.Count);
        var path = ImmutableArray.CreateBuilder<byte[]>();
        AddPath(leafHashes, 0, leafHashes.Count, index, path);
        return path.ToImmutable();
    }

    /// <summary>The root that <paramref name="path"/> leads to from the leaf hash at <paramref name="index"/> of a tree
    /// of <paramref name="size"/> leaves, by the algorithm of RFC 9162 §2.1.3.2; null when the path cannot belong to
    /// that position (out of range, too short or too long).</summary>
    public static byte[]? RootFromAuditPath(ReadOnlySpan<byte> leafHash, long index, long size, IReadOnlyList<byte[]> path)
    {
        if (index < 0 || index >= size || leafHash.Length != HashSize)
        {
            return null;
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0 || p.Length != HashSize)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = HashChildren(p, r);
                if ((fn & 1) == 0)
                {
                    while (fn != 0 && (fn & 1) == 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? r : null;
    }

    private static byte[] Root(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        switch (count)
        {
            case 0:
                return SHA256.HashData([]);
            case 1:
                return leaves[start];
        }

        var split = Split(count);
        return HashChildren(Root(leaves, start, split), Root(leaves, start + split, count - split));
    }

    private static void AddPath(IReadOnlyList<byte[]> leaves, int start, int count, int index, ImmutableArray<byte[]>.Builder path)
    {
        if (count == 1)
        {
            return;
        }

        var split = Split(count);
        if (index < split)
        {
            AddPath(leaves, start, split, index, path);
            path.Add(Root(leaves, start + split, count - split));
        }
        else
        {
            AddPath(leaves, start + split, count - split, index - split, path);
            path.Add(Root(leaves, start, split));
        }
    }

    /// <summary>The largest power of two smaller than <paramref name="count"/> (at least 2).</summary>
    private static int Split(int count)
    {
        var split = 1;
        while (split * 2 < count)
        {
            split *= 2;
        }

        return split;
    }
}
