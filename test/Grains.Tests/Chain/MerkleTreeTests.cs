using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Tests.Chain;

/// <summary>The RFC 6962 tree against the published reference vectors (transparency-dev/merkle, testonly: the
/// leaf inputs, root hashes and TestRefInclusionProof), and every audit path of many random trees.</summary>
public class MerkleTreeTests
{
    private static readonly string[] LeafInputs =
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] RootHashes =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    public static TheoryData<int, int, string[]> InclusionVectors => new()
    {
        { 0, 1, [] },
        { 0, 2, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"] },
        { 1, 2, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"] },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        {
            1, 5,
            [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        },
        {
            0, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        },
        {
            5, 8,
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
    };

    private static byte[][] Leaves(int count) => [.. LeafInputs.Take(count).Select(h => MerkleTree.HashLeaf(Convert.FromHexString(h)))];

    [Fact]
    public void Roots_match_the_reference_vectors_for_0_to_8_leaves()
    {
        for (var n = 0; n <= 8; n++)
        {
            Assert.Equal(RootHashes[n], Convert.ToHexStringLower(MerkleTree.Root(Leaves(n))));
        }
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void Audit_paths_match_the_reference_vectors_and_lead_to_the_reference_root(int index, int size, string[] expected)
    {
        var leaves = Leaves(size);

        var path = MerkleTree.AuditPath(leaves, index);

        Assert.Equal(expected, path.Select(Convert.ToHexStringLower));
        var root = MerkleTree.RootFromAuditPath(leaves[index], index, size, path);
        Assert.Equal(RootHashes[size], Convert.ToHexStringLower(root!));
    }

    [Fact]
    public void Every_leaf_of_random_trees_has_a_path_to_the_root_and_no_wrong_position_reaches_it()
    {
        var random = new Random(6962);
        for (var size = 1; size <= 40; size++)
        {
            var leaves = Enumerable.Range(0, size).Select(_ => MerkleTree.HashLeaf(RandomBytes(random))).ToArray();
            var root = MerkleTree.Root(leaves);
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.AuditPath(leaves, index);
                Assert.Equal(root, MerkleTree.RootFromAuditPath(leaves[index], index, size, path));

                // A wrong leaf, index or sibling never reaches the same root (the size alone is not bound by it:
                // leaf 0 of 3 and of 4 fold alike, which is why the header commits to the messages, count included).
                Assert.NotEqual(root, MerkleTree.RootFromAuditPath(MerkleTree.HashLeaf([0xff]), index, size, path));
                if (size > 1)
                {
                    Assert.NotEqual(root, MerkleTree.RootFromAuditPath(leaves[index], (index + 1) % size, size, path) ?? []);
                }

                if (path.Length > 0)
                {
                    var bent = path.ToArray();
                    bent[random.Next(bent.Length)] = MerkleTree.HashLeaf([0xfe]);
                    Assert.NotEqual(root, MerkleTree.RootFromAuditPath(leaves[index], index, size, bent));
                    Assert.Null(MerkleTree.RootFromAuditPath(leaves[index], index, size, path.RemoveAt(0)));
                }

                Assert.Null(MerkleTree.RootFromAuditPath(leaves[index], index, size, path.Add(root)));
            }
        }
    }

    [Fact]
    public void Positions_outside_the_tree_have_no_root()
    {
        var leaves = Leaves(3);
        Assert.Null(MerkleTree.RootFromAuditPath(leaves[0], 3, 3, MerkleTree.AuditPath(leaves, 2)));
        Assert.Null(MerkleTree.RootFromAuditPath(leaves[0], -1, 3, MerkleTree.AuditPath(leaves, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.AuditPath(leaves, 3));
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 40)];
        random.NextBytes(bytes);
        return bytes;
    }
}
