using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FsCheck.Xunit;
using Orleans.Blockchain.Chain;

namespace Orleans.Blockchain.Tests.Chain;

public class BlockHeaderTests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Sha256_matches_the_FIPS_180_vectors(string input, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(input))));

    [Fact]
    public void Header_lays_out_every_field_at_its_documented_offset()
    {
        var message = new Message(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), "hi", DateTimeOffset.FromUnixTimeMilliseconds(5));
        var previous = new string('a', 64);
        var block = new Block(7, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), [message], previous, 3, 0x0102030405060708, "");
        var header = new byte[BlockHeader.Size];

        BlockHeader.Write(header, block);

        Assert.Equal(Convert.FromHexString(previous), header[..32]);
        Assert.Equal(MerkleRoot.Compute([message]), header[32..64]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(64)));
        Assert.Equal(7ul, BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(68)));
        Assert.Equal(1_700_000_000_123L, BinaryPrimitives.ReadInt64BigEndian(header.AsSpan(76)));
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(84)));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, header[88..96]);
    }

    [Fact]
    public void Merkle_root_follows_RFC_6962()
    {
        var a = TestBlocks.NewMessage("a");
        var b = TestBlocks.NewMessage("b");
        var c = TestBlocks.NewMessage("c");
        byte[] Leaf(Message m) => MerkleRoot.Compute([m]);
        byte[] Node(byte[] l, byte[] r) => SHA256.HashData([0x01, .. l, .. r]);

        Assert.Equal(SHA256.HashData([]), MerkleRoot.Compute([]));
        Assert.Equal(Node(Leaf(a), Leaf(b)), MerkleRoot.Compute([a, b]));
        Assert.Equal(Node(Node(Leaf(a), Leaf(b)), Leaf(c)), MerkleRoot.Compute([a, b, c]));

        var expectedLeaf = new byte[1 + 16 + 8 + 1];
        a.Id.TryWriteBytes(expectedLeaf.AsSpan(1), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(expectedLeaf.AsSpan(17), a.AcceptedAt.ToUnixTimeMilliseconds());
        expectedLeaf[25] = (byte)'a';
        Assert.Equal(SHA256.HashData(expectedLeaf), Leaf(a));
    }

    [Property(MaxTest = 50)]
    public bool Changing_any_message_text_changes_the_hash(string? text, int which)
    {
        var messages = Enumerable.Range(0, 5).Select(i => TestBlocks.NewMessage($"m{i}")).ToArray();
        var block = new Block(1, TestBlocks.Now(), [.. messages], new string('0', 64), 1, 42, "");
        var index = Math.Abs(which % messages.Length);
        var changedText = text == messages[index].Text ? text + "!" : text ?? "";
        messages[index] = messages[index] with { Text = changedText };

        return BlockHeader.ComputeHash(block) != BlockHeader.ComputeHash(block with { Messages = [.. messages] });
    }

    [Fact]
    public void Every_header_field_is_covered_by_the_hash()
    {
        var block = new Block(1, TestBlocks.Now(), [TestBlocks.NewMessage()], new string('0', 64), 1, 42, "");
        var hash = BlockHeader.ComputeHash(block);

        Assert.NotEqual(hash, BlockHeader.ComputeHash(block with { Index = 2 }));
        Assert.NotEqual(hash, BlockHeader.ComputeHash(block with { Timestamp = block.Timestamp.AddMilliseconds(1) }));
        Assert.NotEqual(hash, BlockHeader.ComputeHash(block with { PreviousHash = new string('1', 64) }));
        Assert.NotEqual(hash, BlockHeader.ComputeHash(block with { Difficulty = 2 }));
        Assert.NotEqual(hash, BlockHeader.ComputeHash(block with { Nonce = 43 }));
        Assert.NotEqual(hash, BlockHeader.ComputeHash(block with { Messages = [.. block.Messages, TestBlocks.NewMessage()] }));
        Assert.NotEqual(hash, BlockHeader.ComputeHash(block with { Messages = [block.Messages[0] with { Id = Guid.NewGuid() }] }));
    }

    [Fact]
    public void Genesis_is_fixed_per_difficulty()
    {
        Assert.Equal(GenesisBlock.Create(4).Hash, GenesisBlock.Create(4).Hash);
        Assert.NotEqual(GenesisBlock.Create(4).Hash, GenesisBlock.Create(5).Hash);
        Assert.Equal(BlockHeader.ComputeHash(GenesisBlock.Create(4)), GenesisBlock.Create(4).Hash);
    }
}
