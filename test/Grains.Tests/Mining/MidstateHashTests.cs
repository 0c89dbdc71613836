using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using Orleans.Blockchain.Chain;
using Orleans.Blockchain.Mining;

namespace Orleans.Blockchain.Tests.Mining;

/// <summary>The kernel's digests must equal <see cref="SHA256"/>'s bit for bit, in every lane, on every path.</summary>
public class MidstateHashTests
{
    /// <summary>Scalar and every accelerated width, plus 16 lanes even without AVX-512: Vector512 then runs in
    /// software, slowly but exactly, so the 16-lane kernel is checked on every machine.</summary>
    public static TheoryData<Sha256Lanes> Paths()
    {
        TheoryData<Sha256Lanes> paths = [Sha256Lanes.Scalar, Sha256Lanes.Vector512x16];
        if (Vector256.IsHardwareAccelerated)
        {
            paths.Add(Sha256Lanes.Vector256x8);
        }

        return paths;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_lane_agrees_with_SHA256(Sha256Lanes lanes)
    {
        var searcher = new MidstateNonceSearcher(lanes);
        var random = new Random(6);
        ulong[] firsts = [0, 1, (ulong)random.NextInt64(), (1UL << 32) - 5, (7UL << 32) - 3, ulong.MaxValue - 6];
        foreach (var first in firsts)
        {
            var header = new byte[BlockHeader.Size];
            random.NextBytes(header);
            var count = (3 * searcher.LaneCount) + 5;
            var hashes = new byte[32 * count];

            searcher.HashNonces(header, first, hashes);

            for (var i = 0; i < count; i++)
            {
                BlockHeader.WriteNonce(header, first + (ulong)i);
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(header)), Convert.ToHexStringLower(hashes.AsSpan(32 * i, 32)));
            }
        }
    }

    [Fact]
    public void Widest_path_follows_the_hardware()
    {
        var expected = Vector512.IsHardwareAccelerated ? Sha256Lanes.Vector512x16
            : Vector256.IsHardwareAccelerated ? Sha256Lanes.Vector256x8
            : Sha256Lanes.Scalar;

        Assert.Equal(expected, MidstateNonceSearcher.Widest);
        Assert.Equal(expected, new MidstateNonceSearcher().Lanes);
    }
}
